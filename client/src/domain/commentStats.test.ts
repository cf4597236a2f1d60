import { LogBuilder } from '../testing/fixtures';
import { articleStats } from './commentStats';

const logged = (commentId: string, articles: number[], kind: 'agree' | 'amend', pointId?: string) => ({
  type: 'comment.logged' as const,
  payload: { commentId, articles: articles.map((article) => ({ article })), kind, text: 't', source: 'spoken' as const, ...(pointId ? { pointId } : {}) },
});

describe('comments per article', () => {
  it('counts live comments per article, kind and point, in draft order', () => {
    const state = new LogBuilder()
      .add(logged('c1', [1, 1, 2], 'agree', 'thai-nguyen'))
      .add(logged('c2', [1], 'amend', 'ha-giang'))
      .add(logged('c3', [1], 'amend', 'ha-giang'))
      .add({ type: 'comment.retracted', payload: { commentId: 'c3' } })
      .state();
    const rows = articleStats(state);
    expect(rows.map((r) => [r.article, r.count])).toEqual([[1, 2], [2, 1], [3, 0]]);
    expect(rows[0]?.byKind).toMatchObject({ agree: 1, amend: 1 });
    expect(rows[0]?.byPoint).toEqual({ 'thai-nguyen': 1, 'ha-giang': 1 });
    expect(rows[0]?.chapter?.number).toBe('I');
  });
});
