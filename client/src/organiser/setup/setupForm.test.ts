import { DEMO_DRAFT_TEXT, ConferenceSetupSchema, parseDraft } from '@diem-cau/shared';
import { LogBuilder } from '../../testing/fixtures';
import { vi as t } from '../i18n/vi';
import { readArticleList, formatArticleList } from './articleList';
import { buildSetup, emptyForm, formFromState, fromLocalInput, toLocalInput, type SetupForm } from './setupForm';

const { draft } = parseDraft(DEMO_DRAFT_TEXT);

function filled(): SetupForm {
  const f = emptyForm();
  return {
    ...f, title: ' Hội nghị thử ', scheduledAt: '2023-10-27T08:00', venue: 'Hà Nội',
    draft: { draft, warnings: [], text: DEMO_DRAFT_TEXT, originalText: DEMO_DRAFT_TEXT, accepted: true },
    agenda: [{ key: 'a', kind: 'discussion', title: 'Thảo luận', articles: '1-3, 5', plannedMinutes: '45' }],
    points: [{ key: 'p', name: 'Tỉnh ủy Thái Nguyên', delegates: [{ key: 'd', name: 'Dương Xuân Hùng', position: 'Trưởng Ban' }, { key: 'e', name: '', position: '' }] }],
  };
}

describe('setup form', () => {
  it('builds a setup the hub’s schema accepts, with generated ids, trimmed text and seconds', () => {
    const built = buildSetup(filled(), t);
    if (!built.ok) throw new Error(built.errors.join('; '));
    expect(ConferenceSetupSchema.safeParse(built.setup).success).toBe(true);
    expect(built.setup).toMatchObject({
      title: 'Hội nghị thử', venue: 'Hà Nội',
      agenda: [{ id: 'discussion-1', kind: 'discussion', articles: [{ article: 1 }, { article: 2 }, { article: 3 }, { article: 5 }], plannedMinutes: 45 }],
      points: [
        { id: 'diem-cau-trung-uong', kind: 'central', delegates: [] },
        { id: 'tinh-uy-thai-nguyen', kind: 'provincial', delegates: [{ id: 'tinh-uy-thai-nguyen-1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban' }] },
      ],
      settings: { defaultSpeechS: 300, warningBeforeS: 30, maxOpenRequestsPerPoint: 2 },
    });
    expect(built.setup.scheduledAt).toBe(fromLocalInput('2023-10-27T08:00'));
  });

  it('lists every problem in page order instead of sending a setup the hub would refuse', () => {
    const f = filled();
    const built = buildSetup({
      ...f, title: '', draft: { ...f.draft!, accepted: false },
      agenda: [{ key: 'a', kind: 'other', title: '', articles: '20', plannedMinutes: '' }],
      points: [{ key: 'p', name: 'Điểm cầu Trung ương', delegates: [{ key: 'd', name: '', position: 'Trưởng Ban' }] }],
      settings: { ...f.settings, speechMinutes: '0.2' },
    }, t);
    expect(built.ok ? [] : built.errors).toEqual([
      'Cần nhập tên hội nghị.',
      'Dự thảo chưa được chấp nhận: xem lại cấu trúc rồi bấm “Chấp nhận cấu trúc”.',
      'Nội dung số 1 của chương trình chưa có tên.',
      'Nội dung số 1: không có Điều 20 trong dự thảo',
      'Tên điểm cầu “Điểm cầu Trung ương” bị trùng.',
      'Một đại biểu của “Điểm cầu Trung ương” chưa có họ tên.',
      'Thời lượng phát biểu phải từ 0,5 đến 60 phút.',
    ]);
  });

  it('a conference not yet started comes back into the form with its stored ids, and builds to the same setup', () => {
    const state = new LogBuilder().state();
    const form = formFromState(state);
    const built = buildSetup(form, t);
    if (!built.ok) throw new Error(built.errors.join('; '));
    expect(built.setup.points.map((p) => p.id)).toEqual(state.points.ids);
    expect(built.setup.agenda.map((a) => [a.id, a.articles])).toEqual(state.agenda.ids.map((id) => [id, state.agenda.get(id)?.articles]));
    expect(built.setup.points.flatMap((p) => p.delegates.map((d) => d.id))).toEqual(state.points.ids.flatMap((id) => state.points.get(id)!.delegates.map((d) => d.id)));
  });

  it('K11: keeps the date and time the organiser typed, in the conference’s zone (not the browser’s)', () => {
    const iso = fromLocalInput('2023-10-27T08:00')!;
    expect(iso).toBe('2023-10-27T08:00:00+07:00');
    expect(toLocalInput(iso)).toBe('2023-10-27T08:00');
    expect(fromLocalInput('2023-10-27T08:00', 'Europe/Paris')).toBe('2023-10-27T08:00:00+02:00');
    expect(toLocalInput('2023-10-27T08:00:00+07:00', 'Europe/Paris')).toBe('2023-10-27T03:00');
    expect(fromLocalInput('27/10/2023')).toBeUndefined();
    const f = { ...emptyForm(), title: 'Hội nghị', timeZone: 'Mars/Olympus' };
    expect(buildSetup(f, t)).toMatchObject({ ok: false, errors: expect.arrayContaining([t.setup.errors.timeZone]) });
  });

  it('article lists read ranges, words and repeats, and print back compactly', () => {
    expect(readArticleList('Điều 3, 1-2 2; 5', draft)).toEqual({ refs: [3, 1, 2, 5].map((article) => ({ article })), unknown: [], bad: [] });
    expect(readArticleList('5-3, x', null)).toEqual({ refs: [], unknown: [], bad: ['5-3', 'x'] });
    expect(formatArticleList([1, 2, 3, 5, 7, 8].map((article) => ({ article })))).toBe('1-3, 5, 7, 8');
  });
});
