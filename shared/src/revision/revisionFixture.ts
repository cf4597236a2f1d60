import { alignDrafts } from '../draft/align/alignDrafts';
import type { DraftAlignment } from '../draft/align/alignmentTypes';
import { DraftSchema, type Draft } from '../draft/draft';
import { ACTORS, FIXTURE_SETUP, FixtureConference } from '../testing/conferenceFixture';

/** The fixture's draft revised: a new Điều 1 in front, so the old Điều 1–3 are Điều 2–4. */
export const REVISED_DRAFT: Draft = DraftSchema.parse({
  title: 'Dự thảo quy định (lần 2)',
  chapters: [
    { number: 'I', title: 'Quy định chung', articles: [
      { number: 1, title: 'Mục đích ban hành', intro: 'Quy định này nhằm thống nhất việc tổ chức hội nghị trực tuyến.' },
      { number: 2, title: 'Phạm vi điều chỉnh', clauses: [{ number: 1, text: 'a' }, { number: 2, text: 'b' }] },
      { number: 3, title: 'Giải thích từ ngữ' },
    ] },
    { number: 'II', title: 'Nhiệm vụ', articles: [{ number: 4, title: 'Nhiệm vụ, quyền hạn' }] },
  ],
});

/** The renumbering written out, as the organiser would confirm it. */
export const RENUMBERED: DraftAlignment = {
  articles: [
    { kind: 'moved', before: [1], after: [2], confidence: 0.9, changed: false, evidence: { text: 1, title: 1, basis: ['text'] } },
    { kind: 'moved', before: [2], after: [3], confidence: 0.5, changed: false, evidence: { text: 0, title: 1, basis: ['title'] } },
    { kind: 'moved', before: [3], after: [4], confidence: 0.9, changed: false, evidence: { text: 0, title: 1, basis: ['title'] } },
    { kind: 'new', before: [], after: [1], confidence: 1, changed: true, evidence: { text: 0, title: 0, basis: [] } },
  ],
  clauses: [
    { kind: 'moved', before: [{ article: 1, clause: 1 }], after: [{ article: 2, clause: 1 }], confidence: 0.9, changed: false, evidence: { text: 1, title: 0, basis: ['text'] } },
    { kind: 'moved', before: [{ article: 1, clause: 2 }], after: [{ article: 2, clause: 2 }], confidence: 0.9, changed: false, evidence: { text: 1, title: 0, basis: ['text'] } },
  ],
};

export function endedWithComment(): FixtureConference {
  const conf = new FixtureConference(FIXTURE_SETUP);
  conf.must(ACTORS.chair, { type: 'conference.start' });
  conf.must(ACTORS.thaiNguyen, { type: 'comment.log', kind: 'amend', text: 'Sửa khoản 2', source: 'written', pointId: 'thai-nguyen', articles: [{ article: 1, clause: 2 }] });
  conf.must(ACTORS.chair, { type: 'conference.end' });
  return conf;
}

export const proposedFor = (conf: FixtureConference): DraftAlignment => alignDrafts(conf.state.draft, REVISED_DRAFT);
