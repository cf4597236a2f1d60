import type { DraftAlignment } from '../draft/align/alignmentTypes';
import { replay } from '../protocol/apply';
import { buildSynthesis } from '../reports/buildSynthesis';
import { ACTORS } from '../testing/conferenceFixture';
import { concordance } from './concordance';
import { followedLabel, refsInRevision } from './followInRevision';
import { endedWithComment, RENUMBERED, REVISED_DRAFT } from './revisionFixture';

const confirm = (alignment: DraftAlignment = RENUMBERED) => ({ type: 'draft.confirmRevision' as const, draft: REVISED_DRAFT, alignment });

/** The renumbering corrected: the old Điều 2 is not the new Điều 3 after all but left out; the new Điều 3 is new. */
const AMENDED: DraftAlignment = {
  ...RENUMBERED,
  articles: [
    ...RENUMBERED.articles.filter((g) => g.before[0] !== 2),
    { kind: 'deleted', before: [2], after: [], confidence: 1, changed: true, evidence: { text: 0, title: 0, basis: [] } },
    { kind: 'new', before: [], after: [3], confidence: 1, changed: true, evidence: { text: 0, title: 0, basis: [] } },
  ],
};

function withCommentOnArticle2() {
  const conf = endedWithComment();
  conf.must(ACTORS.thaiNguyen, { type: 'comment.log', kind: 'amend', text: 'Bổ sung giải thích từ "điểm cầu"', source: 'written', pointId: 'thai-nguyen', articles: [{ article: 2 }] });
  return conf;
}

const placeOf = (report: ReturnType<typeof buildSynthesis>, text: string) => {
  const under = report.chapters.flatMap((ch) => ch.articles).find((a) => a.groups.some((g) => g.comments.some((c) => c.text === text)));
  if (under) return under.label;
  return report.general.groups.some((g) => g.comments.some((c) => c.text === text)) ? 'general' : 'nowhere';
};

describe('DA17: a confirmed mapping can be amended, and everything downstream follows the latest', () => {
  it('DA17: an amendment replaces the confirmed mapping: where comments went, the synthesis in draft 2’s numbering and the concordance', () => {
    const conf = withCommentOnArticle2();
    conf.must(ACTORS.organiser, confirm(), 1_000);
    const note = 'Bổ sung giải thích từ "điểm cầu"';
    expect(followedLabel(conf.state, [{ article: 2 }])).toBe('Điều 2 (dự thảo lần 1) → Điều 3 (dự thảo lần 2)');
    expect(placeOf(buildSynthesis(conf.state, { numbering: 'revised' }), note)).toBe('Điều 3');

    const [event] = conf.must(ACTORS.organiser, confirm(AMENDED), 2_000);
    expect(event?.type).toBe('draft.revisionConfirmed');
    expect(conf.state.revision).toMatchObject({ confirmedAt: 2_000, amendments: 1 });
    expect(followedLabel(conf.state, [{ article: 2 }])).toBe('Điều 2 (dự thảo lần 1) → không còn trong dự thảo lần 2');
    expect(refsInRevision(conf.state, [{ article: 2 }])).toEqual([]);
    const revised = buildSynthesis(conf.state, { numbering: 'revised' });
    expect(placeOf(revised, note)).toBe('general');
    // The comment that did not move stays where it was: Điều 1 khoản 2 → Điều 2 khoản 2.
    expect(placeOf(revised, 'Sửa khoản 2')).toBe('Điều 2');
    const rows = concordance(conf.state.draft, conf.state.revision!, 'first').filter((r) => r.level === 'article');
    expect(rows.map((r) => `${r.before} → ${r.after} (${r.kindLabel})`)).toEqual([
      'Điều 1 → Điều 2 (chuyển số)', 'Điều 2 →  (bỏ)', 'Điều 3 → Điều 4 (chuyển số)', ' → Điều 1 (mới)', ' → Điều 3 (mới)',
    ]);
    expect(revised.revision?.concordance.filter((r) => r.level === 'article').map((r) => r.after)).toEqual(['Điều 1', 'Điều 2', 'Điều 3', 'Điều 4', '']);
  });

  it('DA17: replaying the log gives the latest mapping, with the count of amendments', () => {
    const conf = withCommentOnArticle2();
    conf.must(ACTORS.organiser, confirm(), 1_000);
    conf.must(ACTORS.organiser, confirm(AMENDED), 2_000);
    conf.must(ACTORS.organiser, confirm(), 3_000);
    expect(conf.state.revision).toMatchObject({ confirmedAt: 3_000, amendments: 2 });
    expect(followedLabel(conf.state, [{ article: 2 }])).toBe('Điều 2 (dự thảo lần 1) → Điều 3 (dự thảo lần 2)');
    expect(replay(conf.log)?.revision).toEqual(conf.state.revision);
  });

  it('DA17: the same draft and mapping confirmed again writes nothing', () => {
    const conf = withCommentOnArticle2();
    conf.must(ACTORS.organiser, confirm(), 1_000);
    const seq = conf.state.seq;
    expect(conf.run(ACTORS.organiser, confirm(), 2_000)).toEqual({ ok: true, events: [] });
    expect(conf.state.seq).toBe(seq);
    expect(conf.state.revision).toMatchObject({ confirmedAt: 1_000, amendments: 0 });
  });

  it('DA17: an amendment that no longer fits both drafts is refused and the confirmed mapping stays', () => {
    const conf = withCommentOnArticle2();
    conf.must(ACTORS.organiser, confirm(), 1_000);
    const before = conf.state.revision;
    const broken = { ...AMENDED, articles: AMENDED.articles.filter((g) => g.kind !== 'new' || g.after[0] !== 3) };
    expect(conf.run(ACTORS.organiser, confirm(broken), 2_000)).toMatchObject({ ok: false, error: { code: 'INVALID', reason: 'REVISION_UNIT_UNMAPPED', params: { unit: '3', draft: 2 } } });
    expect(conf.state.revision).toBe(before);
  });
});
