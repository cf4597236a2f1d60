import type { ArticleCorrespondence } from '../draft/align/alignmentTypes';
import { DraftSchema } from '../draft/draft';
import { FIXTURE_SETUP } from '../testing/conferenceFixture';
import { linksOf, regroup } from './relink';
import { REVISED_DRAFT, RENUMBERED } from './revisionFixture';
import { sameTextIn } from './revisionUnits';

const kinds = (groups: readonly ArticleCorrespondence[]) => groups.map((g) => `${g.kind}:${g.before.join('+')}→${g.after.join('+')}`);

describe('DA12: the organiser corrects a proposal link by link', () => {
  it('DA12: the links of a proposal regroup into the same proposal, evidence and confidence kept', () => {
    const again = regroup([1, 2, 3], [1, 2, 3, 4], linksOf(RENUMBERED.articles), RENUMBERED.articles);
    expect(again.ok && again.groups).toEqual(RENUMBERED.articles);
  });

  it('DA12: two old articles pointing at one new one merge; one pointing at two splits; none is deleted; unpointed is new', () => {
    const links = new Map([['1', [2]], ['2', [2]], ['3', [3, 4]]]);
    const result = regroup([1, 2, 3], [1, 2, 3, 4], links, RENUMBERED.articles);
    expect(result.ok && kinds(result.groups)).toEqual(['merged:1+2→2', 'split:3→3+4', 'new:→1']);
    const deleted = regroup([1, 2, 3], [1, 2, 3, 4], new Map([['1', [2]], ['2', []], ['3', [4]]]), RENUMBERED.articles);
    expect(deleted.ok && kinds(deleted.groups)).toEqual(['moved:1→2', 'deleted:2→', 'moved:3→4', 'new:→1', 'new:→3']);
  });

  it('DA12: a changed group is the organiser\'s own: confidence 1, no evidence', () => {
    const result = regroup([1, 2, 3], [1, 2, 3, 4], new Map([['1', [1]], ['2', [3]], ['3', [4]]]), RENUMBERED.articles);
    expect(result.ok && result.groups[0]).toMatchObject({ kind: 'same', before: [1], after: [1], confidence: 1, evidence: { basis: [] } });
  });

  it('DA12: an article the organiser sends, word for word, to another number is moved, not reworded (the concordance says no "sửa nội dung")', () => {
    const same = sameTextIn(DraftSchema.parse(FIXTURE_SETUP.draft), REVISED_DRAFT);
    // The proposal took Điều 1 for a split into the new Điều 1 and 2; the organiser names Điều 2 alone.
    const proposal = [{ ...RENUMBERED.articles[0]!, kind: 'split' as const, after: [1, 2], confidence: 0.4, changed: true }, ...RENUMBERED.articles.slice(1, 3)];
    const links = new Map([['1', [2]], ['2', [3]], ['3', [4]]]);
    const corrected = regroup([1, 2, 3], [1, 2, 3, 4], links, proposal, same.articles);
    expect(corrected.ok && corrected.groups.map((g) => [g.kind, g.before, g.after, g.changed])).toEqual([
      ['moved', [1], [2], false], ['moved', [2], [3], false], ['moved', [3], [4], false], ['new', [], [1], true],
    ]);
    // Sent to an article whose words differ, the organiser's group says so; without the drafts' words it says changed.
    expect(regroup([1, 2, 3], [1, 2, 3, 4], new Map([['1', [3]], ['2', [2]], ['3', [4]]]), [], same.articles)).toMatchObject({ ok: true, groups: [{ before: [1], after: [3], changed: true }, { before: [2], after: [2], changed: true }, { before: [3], after: [4], changed: false }, { kind: 'new' }] });
    const blind = regroup([1, 2, 3], [1, 2, 3, 4], links, proposal);
    expect(blind.ok && blind.groups[0]).toMatchObject({ before: [1], after: [2], changed: true });
    expect([same.clauses({ article: 1, clause: 2 }, { article: 2, clause: 2 }), same.clauses({ article: 1, clause: 2 }, { article: 2, clause: 1 })]).toEqual([true, false]);
  });

  it('DA12: several old articles to several new ones is refused, naming the first old one', () => {
    const links = new Map([['1', [2, 3]], ['2', [3]], ['3', [4]]]);
    expect(regroup([1, 2, 3], [1, 2, 3, 4], links, RENUMBERED.articles)).toEqual({ ok: false, unit: '1' });
  });
});
