import fc from 'fast-check';
import { Collection } from './collection';

interface Item { id: string; n: number }
const item = (id: string, n = 0): Item => ({ id, n });

/** What a collection should hold, modelled with a plain Map (insertion order = first add). */
const modelOf = (ops: ReadonlyArray<[string, number]>) => {
  const m = new Map<string, Item>();
  for (const [id, n] of ops) m.set(id, item(id, n));
  return m;
};

describe('Collection (persistent, ordered by first insertion)', () => {
  test('L2: adding and replacing leave every earlier version as it was', () => {
    const v0 = Collection.of([item('a'), item('b')]);
    const v1 = v0.add('c', item('c'));
    const v2 = v1.put('a', item('a', 1));
    expect(v0.ids).toEqual(['a', 'b']);
    expect(v0.get('c')).toBeUndefined();
    expect(v1.get('a')).toEqual(item('a'));
    expect(v2.get('a')).toEqual(item('a', 1));
    expect(v2.ids).toEqual(['a', 'b', 'c']);
  });

  test('L2: two versions written from the same old one never see each other’s additions', () => {
    const base = Collection.of([item('a')]);
    const left = base.add('x', item('x'));
    const right = base.add('y', item('y'));
    expect(left.ids).toEqual(['a', 'x']);
    expect(right.ids).toEqual(['a', 'y']);
    expect(left.has('y')).toBe(false);
    expect(right.has('x')).toBe(false);
    expect(left.add('z', item('z')).ids).toEqual(['a', 'x', 'z']);
  });

  test('L2: adding an id already there replaces it in place, never lists it twice', () => {
    const c = Collection.of([item('a'), item('b')]).add('a', item('a', 7));
    expect(c.ids).toEqual(['a', 'b']);
    expect(c.get('a')?.n).toBe(7);
    expect(() => c.put('missing', item('missing'))).toThrow(/no entry missing/);
  });

  test('L3: ids named like Object.prototype members are ordinary keys, also on the wire', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const c = Collection.of(names.map((id) => item(id)));
    expect(Collection.empty<Item>().get('toString')).toBeUndefined();
    expect(Collection.empty<Item>().has('__proto__')).toBe(false);
    for (const id of names) expect(c.get(id)).toEqual(item(id));
    const wire = JSON.parse(JSON.stringify(c)) as { ids: string[]; byId: Record<string, Item> };
    const back = Collection.fromJSON(wire);
    expect(back.ids).toEqual(names);
    for (const id of names) expect(back.get(id)).toEqual(item(id));
  });

  test('L2: any sequence of writes holds what a Map would, in every version kept along the way', () => {
    const ops = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '__proto__', 'd', 'e', ...Array.from({ length: 40 }, (_, i) => `k${i}`)), fc.nat(9)), { maxLength: 300 });
    fc.assert(fc.property(ops, (list) => {
      const versions: Array<Collection<Item>> = [];
      let c = Collection.empty<Item>();
      for (const [id, n] of list) {
        c = c.add(id, item(id, n));
        versions.push(c);
      }
      versions.forEach((v, i) => {
        const model = modelOf(list.slice(0, i + 1));
        expect(v.ids).toEqual([...model.keys()]);
        expect(v.list()).toEqual([...model.values()]);
        expect(v.size).toBe(model.size);
      });
    }), { numRuns: 60 });
  });

  test('L2: a large collection grows across the trie’s levels and keeps every entry', () => {
    let c = Collection.empty<Item>();
    const N = 40_000;
    for (let i = 0; i < N; i += 1) c = c.add(`c${i}`, item(`c${i}`, i));
    expect(c.size).toBe(N);
    for (const i of [0, 31, 32, 1023, 1024, 32_767, 32_768, N - 1]) expect(c.get(`c${i}`)?.n).toBe(i);
    const changed = c.put('c32768', item('c32768', -1));
    expect(c.get('c32768')?.n).toBe(32_768);
    expect(changed.get('c32768')?.n).toBe(-1);
  });
});
