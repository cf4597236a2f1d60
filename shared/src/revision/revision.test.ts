import type { DraftAlignment } from '../draft/align/alignmentTypes';
import { ACTORS, FIXTURE_SETUP, FixtureConference } from '../testing/conferenceFixture';
import { replay } from '../protocol/apply';
import { followedLabel, refsInRevision } from './followInRevision';
import { concordance } from './concordance';
import { endedWithComment, proposedFor, RENUMBERED, REVISED_DRAFT } from './revisionFixture';

const confirm = (alignment = RENUMBERED, draft = REVISED_DRAFT) => ({ type: 'draft.confirmRevision' as const, draft, alignment });

describe('DA13: the organiser confirms the revised draft and its mapping', () => {
  it('DA13: after the conference ended the organiser confirms, and every comment shows where its article went', () => {
    const conf = endedWithComment();
    const [event] = conf.must(ACTORS.organiser, confirm());
    expect(event?.type).toBe('draft.revisionConfirmed');
    expect(conf.state.revision?.draft.title).toBe('Dự thảo quy định (lần 2)');
    const comment = conf.state.comments.list()[0];
    expect(followedLabel(conf.state, comment?.articles ?? [])).toBe('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
    expect(refsInRevision(conf.state, comment?.articles ?? [])).toEqual([{ article: 2, clause: 2 }]);
  });

  it('DA13: confirmed groups carry confidence 1, so a confirmed link never reads "cần kiểm tra"', () => {
    const conf = endedWithComment();
    conf.must(ACTORS.organiser, confirm());
    expect(conf.state.revision?.alignment.articles.map((g) => g.confidence)).toEqual([1, 1, 1, 1]);
    expect(followedLabel(conf.state, [{ article: 2 }])).toBe('Điều 2 (dự thảo lần 1) → Điều 3 (dự thảo lần 2)');
  });

  it('DA13: the proposal of alignDrafts for the fixture is the renumbering, and confirming it as proposed is accepted', () => {
    const conf = endedWithComment();
    const proposal = proposedFor(conf);
    expect(proposal.articles.map((g) => [g.kind, g.before, g.after])).toEqual(expect.arrayContaining([['moved', [1], [2]], ['new', [], [1]]]));
    expect(conf.run(ACTORS.organiser, confirm(proposal)).ok).toBe(true);
  });

  it('DA13: a later confirmation replaces the earlier one', () => {
    const conf = endedWithComment();
    conf.must(ACTORS.organiser, confirm());
    const corrected = { ...RENUMBERED, articles: RENUMBERED.articles.map((g) => (g.before[0] === 2 ? { ...g } : g)) };
    conf.must(ACTORS.organiser, confirm(corrected, { ...REVISED_DRAFT, title: 'Dự thảo lần 2, sửa' }), 2);
    expect(conf.state.revision?.draft.title).toBe('Dự thảo lần 2, sửa');
    expect(conf.state.revision?.confirmedAt).toBe(2);
  });

  it('DA13: a live conference accepts a revision; one not yet started is refused (CONFLICT) and changes nothing', () => {
    const scheduled = new FixtureConference(FIXTURE_SETUP);
    const refused = scheduled.run(ACTORS.organiser, confirm());
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'REVISION_BEFORE_START' } });
    expect(scheduled.state.revision).toBeUndefined();
    scheduled.must(ACTORS.chair, { type: 'conference.start' });
    expect(scheduled.run(ACTORS.organiser, confirm()).ok).toBe(true);
  });

  it.each(['chair', 'secretary', 'thaiNguyen', 'display'] as const)('DA13: %s may not confirm a revision (FORBIDDEN)', (who) => {
    const conf = endedWithComment();
    const seq = conf.state.seq;
    expect(conf.run(ACTORS[who], confirm())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' } });
    expect(conf.state.seq).toBe(seq);
  });

  it('DA13: replaying the log gives the same revision', () => {
    const conf = endedWithComment();
    conf.must(ACTORS.organiser, confirm());
    expect(replay(conf.log)?.revision).toEqual(conf.state.revision);
  });
});

describe('DA12: a mapping that does not fit both drafts is refused with the unit named', () => {
  const others = (drop: number) => RENUMBERED.articles.filter((g) => g.before[0] !== drop);
  const without = (drop: number) => ({ ...RENUMBERED, articles: others(drop) });
  const cases = [
    ['an article of the first draft left out', without(3), 'REVISION_UNIT_UNMAPPED', { unit: '3', draft: 1 }],
    ['an article the revision lacks', { ...RENUMBERED, articles: [...others(3), { ...RENUMBERED.articles[2]!, after: [9] }] }, 'REVISION_UNIT_UNKNOWN', { unit: '9', draft: 2 }],
    ['a revised article named twice', { ...RENUMBERED, articles: [...others(3), { ...RENUMBERED.articles[2]!, after: [3] }] }, 'REVISION_UNIT_TWICE', { unit: '3', draft: 2 }],
    ['a kind its shape does not give', { ...RENUMBERED, articles: [...others(1), { ...RENUMBERED.articles[0]!, kind: 'same' as const }] }, 'REVISION_KIND_MISMATCH', { unit: '1', draft: 1 }],
    ['a clause left out', { ...RENUMBERED, clauses: RENUMBERED.clauses.slice(1) }, 'REVISION_UNIT_UNMAPPED', { unit: '1.1', draft: 1 }],
  ] as ReadonlyArray<[string, DraftAlignment, string, { unit: string; draft: number }]>;
  it.each(cases)('DA12: %s → INVALID', (_, alignment, reason, params) => {
    const conf = endedWithComment();
    const seq = conf.state.seq;
    expect(conf.run(ACTORS.organiser, confirm(alignment))).toMatchObject({ ok: false, error: { code: 'INVALID', reason, params } });
    expect(conf.state.seq).toBe(seq);
    expect(conf.state.revision).toBeUndefined();
  });
});

describe('DA15: the concordance table', () => {
  it('DA15: lists every article old → new in the chosen numbering, new units last in the first numbering', () => {
    const conf = endedWithComment();
    conf.must(ACTORS.organiser, confirm());
    const revision = conf.state.revision!;
    const first = concordance(conf.state.draft, revision, 'first').filter((r) => r.level === 'article');
    expect(first.map((r) => `${r.before} → ${r.after} (${r.kindLabel})`)).toEqual([
      'Điều 1 → Điều 2 (chuyển số)', 'Điều 2 → Điều 3 (chuyển số)', 'Điều 3 → Điều 4 (chuyển số)', ' → Điều 1 (mới)',
    ]);
    const revised = concordance(conf.state.draft, revision, 'revised').filter((r) => r.level === 'article');
    expect(revised.map((r) => r.after)).toEqual(['Điều 1', 'Điều 2', 'Điều 3', 'Điều 4']);
    expect(revised[0]?.title).toBe('Mục đích ban hành');
  });
});
