import { randomUUID } from 'node:crypto';
import { DEMO_DRAFT_TEXT, parseDraft, type AgendaItem, type ConferenceSetup, type Draft } from '@diem-cau/shared';
import { SYSTEM_ACTOR } from '@diem-cau/shared';
import type { Hub } from '../createHub';
import type { JoinCode } from '../store/accessStore';
import { DEMO_POINTS } from './demoPoints';

export const DEMO_CONFERENCE_ID = 'hn-dang-doan-2023';

function chapterRefs(draft: Draft, index: number) {
  const chapter = draft.chapters[index];
  const articles = [...(chapter?.articles ?? []), ...(chapter?.sections ?? []).flatMap((s) => s.articles)];
  return articles.map((a) => ({ article: a.number }));
}

export function demoSetup(): ConferenceSetup {
  const { draft } = parseDraft(DEMO_DRAFT_TEXT, { title: 'Dự thảo Quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh' });
  const agenda: AgendaItem[] = [
    { id: 'khai-mac', kind: 'opening', title: 'Khai mạc, giới thiệu đại biểu', articles: [], plannedMinutes: 10 },
    { id: 'trinh-bay', kind: 'presentation', title: 'Trình bày tóm tắt dự thảo Quy định', articles: [], plannedMinutes: 20 },
    { id: 'thao-luan-1', kind: 'discussion', title: 'Thảo luận Chương I và Chương II', articles: [...chapterRefs(draft, 0), ...chapterRefs(draft, 1)], plannedMinutes: 60 },
    { id: 'thao-luan-2', kind: 'discussion', title: 'Thảo luận Chương III và Chương IV', articles: [...chapterRefs(draft, 2), ...chapterRefs(draft, 3)], plannedMinutes: 60 },
    { id: 'ket-luan', kind: 'conclusion', title: 'Kết luận của đồng chí chủ trì', articles: [], plannedMinutes: 15 },
  ];
  return {
    title: 'Hội nghị trực tuyến lấy ý kiến góp ý dự thảo Quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh',
    scheduledAt: '2023-10-27T08:00:00+07:00',
    venue: 'Ban Tổ chức Trung ương, Hà Nội',
    timeZone: 'Asia/Ho_Chi_Minh',
    draft,
    agenda,
    points: DEMO_POINTS,
    settings: { defaultSpeechS: 300, maxOpenRequestsPerPoint: 2, autoEndSpeech: false, moderatedRequests: false, warningBeforeS: 30, discussionMode: 'request' },
  };
}

/** Seeds the demo conference when the store is empty; returns its join codes either way. */
export async function seedDemoIfEmpty(hub: Hub): Promise<JoinCode[] | undefined> {
  const existing = await hub.access.listJoinCodes(DEMO_CONFERENCE_ID);
  if (existing.length > 0) return existing.filter((c) => !c.revoked);
  if ((await hub.hub.conferenceIds()).length > 0) return undefined;
  const setup = demoSetup();
  const created = await hub.hub.create(DEMO_CONFERENCE_ID, setup, { ...SYSTEM_ACTOR, role: 'organiser', label: 'Ban tổ chức' }, randomUUID());
  if (!created.ok) throw new Error(`demo seed failed: ${created.error.message}`);
  return hub.access.issueJoinCodes(DEMO_CONFERENCE_ID, setup);
}
