import type { ArticleCorrespondence } from '../draft/align/alignmentTypes';
import { linksOf, regroup } from './relink';
import { RENUMBERED } from './revisionFixture';

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

  it('DA12: several old articles to several new ones is refused, naming the first old one', () => {
    const links = new Map([['1', [2, 3]], ['2', [3]], ['3', [4]]]);
    expect(regroup([1, 2, 3], [1, 2, 3, 4], links, RENUMBERED.articles)).toEqual({ ok: false, unit: '1' });
  });
});
