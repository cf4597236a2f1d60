import type { DraftAlignment } from '../draft/align/alignmentTypes';
import { DraftSchema, type Draft } from '../draft/draft';
import { ACTORS } from '../testing/conferenceFixture';
import { concordance } from './concordance';
import { endedWithComment, RENUMBERED, REVISED_DRAFT } from './revisionFixture';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The revision with the old Điều 1 khoản 2 (now Điều 2 khoản 2) reworded: its article and clause changed. */
function reworded(): Draft {
  const copy = clone(REVISED_DRAFT);
  const article = copy.chapters[0]?.articles.find((a) => a.number === 2);
  const clause = article?.clauses.find((c) => c.number === 2);
  if (!clause) throw new Error('the fixture has changed: Điều 2 khoản 2 expected');
  clause.text = 'b, sửa lại cho rõ';
  return DraftSchema.parse(copy);
}

const lying = (alignment: DraftAlignment): DraftAlignment => ({
  articles: alignment.articles.map((g) => ({ ...g, changed: false })),
  clauses: alignment.clauses.map((g) => ({ ...g, changed: false })),
});
const changedOf = (alignment: DraftAlignment | undefined) => [
  ...(alignment?.articles ?? []).map((g) => `${g.before.join('+')}→${g.after.join('+')}:${g.changed}`),
  ...(alignment?.clauses ?? []).map((g) => `${g.before.map((k) => `${k.article}.${k.clause}`).join('+')}→${g.after.map((k) => `${k.article}.${k.clause}`).join('+')}:${g.changed}`),
];

describe('DA18: whether a unit changed is the drafts’ word, not the command’s', () => {
  it('DA18: a client that marks a reworded article and clause unchanged is overruled: the log says changed, the concordance "sửa nội dung"', () => {
    const conf = endedWithComment();
    conf.must(ACTORS.organiser, { type: 'draft.confirmRevision', draft: reworded(), alignment: lying(RENUMBERED) });
    expect(changedOf(conf.state.revision?.alignment)).toEqual(['1→2:true', '2→3:false', '3→4:false', '→1:true', '1.1→2.1:false', '1.2→2.2:true']);
    const clauseRows = concordance(conf.state.draft, conf.state.revision!, 'first').filter((r) => r.level === 'clause');
    expect(clauseRows.find((r) => r.before === 'Điều 1 khoản 2')).toMatchObject({ kind: 'moved', changed: true });
    expect(conf.log.at(-1)?.payload).toMatchObject({ alignment: { articles: expect.arrayContaining([expect.objectContaining({ before: [1], changed: true })]) } });
  });

  it('DA18: a client that calls a word-for-word renumbering changed is overruled too', () => {
    const conf = endedWithComment();
    const claimed = { articles: RENUMBERED.articles.map((g) => ({ ...g, changed: true })), clauses: RENUMBERED.clauses.map((g) => ({ ...g, changed: true })) };
    conf.must(ACTORS.organiser, { type: 'draft.confirmRevision', draft: REVISED_DRAFT, alignment: claimed });
    expect(changedOf(conf.state.revision?.alignment)).toEqual(['1→2:false', '2→3:false', '3→4:false', '→1:true', '1.1→2.1:false', '1.2→2.2:false']);
  });

  it('DA18: the same words with decomposed Vietnamese marks (NFD) are not a rewording', () => {
    const conf = endedWithComment();
    const nfd = clone(REVISED_DRAFT);
    for (const a of nfd.chapters.flatMap((ch) => ch.articles)) a.title = a.title.normalize('NFD');
    expect(nfd.chapters[0]?.articles[1]?.title).not.toBe(REVISED_DRAFT.chapters[0]?.articles[1]?.title);
    conf.must(ACTORS.organiser, { type: 'draft.confirmRevision', draft: nfd, alignment: lying(RENUMBERED) });
    expect(conf.state.revision?.alignment.articles.find((g) => g.before[0] === 1)?.changed).toBe(false);
  });

  it('DA18: split, merged, new and deleted groups are always changed', () => {
    const conf = endedWithComment();
    const split: DraftAlignment = {
      articles: [
        { kind: 'split', before: [1], after: [1, 2], confidence: 1, changed: false, evidence: { text: 0, title: 0, basis: [] } },
        { kind: 'moved', before: [2], after: [3], confidence: 1, changed: false, evidence: { text: 0, title: 0, basis: [] } },
        { kind: 'deleted', before: [3], after: [], confidence: 1, changed: false, evidence: { text: 0, title: 0, basis: [] } },
        { kind: 'new', before: [], after: [4], confidence: 1, changed: false, evidence: { text: 0, title: 0, basis: [] } },
      ],
      clauses: lying(RENUMBERED).clauses,
    };
    conf.must(ACTORS.organiser, { type: 'draft.confirmRevision', draft: REVISED_DRAFT, alignment: split });
    expect(changedOf(conf.state.revision?.alignment).slice(0, 4)).toEqual(['1→1+2:true', '2→3:false', '3→:true', '→4:true']);
  });
});
