import { ACTORS, LogBuilder, logged, merged } from '../testing/fixtures';
import { gist, likelyDuplicateOf, mergedGroup, mergeTargets } from './commentMerge';

const TN = 'thai-nguyen';
const state = new LogBuilder()
  .add(logged('w-old', 'Viết về Điều 1', { pointId: TN, source: 'written', articles: [1] }), { actor: ACTORS.thaiNguyen })
  .add(logged('w-both', 'Viết về Điều 1 và 2', { pointId: TN, source: 'written', articles: [1, 2] }), { actor: ACTORS.thaiNguyen })
  .add(logged('w-new', 'Viết về Điều 1, mới hơn', { pointId: TN, source: 'written', articles: [1] }), { actor: ACTORS.thaiNguyen })
  .add(logged('s-tn', 'Nói về Điều 3', { pointId: TN, articles: [3] }))
  .add(logged('w-hg', 'Hà Giang viết về Điều 3', { pointId: 'ha-giang', source: 'written', articles: [3] }), { actor: ACTORS.haGiang })
  .state();

describe('merge helpers', () => {
  it('suggests the written comment of the same point sharing the most articles, the newest among equals', () => {
    expect(likelyDuplicateOf(state, { pointId: TN, articles: [{ article: 1 }, { article: 2, clause: 1 }] })?.written.id).toBe('w-both');
    expect(likelyDuplicateOf(state, { pointId: TN, articles: [{ article: 1, clause: 2 }] })).toMatchObject({ written: { id: 'w-new' }, articles: [1] });
    expect(likelyDuplicateOf(state, { pointId: TN, articles: [{ article: 3 }] })).toBeUndefined();
    expect(likelyDuplicateOf(state, { articles: [{ article: 3 }] })).toBeUndefined();
  });

  it('offers as targets the same point’s other comments, shared articles first', () => {
    const spoken = { ...state.comments.get('s-tn')!, articles: [{ article: 2 }] };
    expect(mergeTargets(state, spoken).map((c) => c.id)).toEqual(['w-both', 'w-new', 'w-old']);
  });

  it('counts what a kept comment gathers', () => {
    const after = new LogBuilder()
      .add(logged('a', 'viết', { pointId: TN, source: 'written', articles: [1] }))
      .add(logged('b', 'nói', { pointId: TN, articles: [1] }))
      .add(merged('b', 'a', [1]))
      .state();
    expect(mergedGroup(after, after.comments.get('a')!)).toEqual({ count: 2, sources: new Set(['written', 'spoken']) });
    expect(mergedGroup(after, after.comments.get('b')!)).toBeUndefined();
  });

  it('keeps the first words of a long comment, cut at a word', () => {
    expect(gist('Ngắn gọn')).toBe('Ngắn gọn');
    expect(gist('Đề nghị bổ sung đối tượng áp dụng là các hội quần chúng cấp tỉnh, thành phố trực thuộc', 40)).toBe('Đề nghị bổ sung đối tượng áp dụng là các…');
  });
});
