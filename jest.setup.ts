// Collections are persistent tries whose internals differ between equal contents (a cache filled, a spine
// shared with a later version): tests compare what a collection holds, in order, as it travels on the wire.
import { Collection } from '@diem-cau/shared';

expect.addEqualityTesters([
  function collectionsEqual(this: { equals(a: unknown, b: unknown, testers?: unknown[]): boolean }, a: unknown, b: unknown, testers: unknown[]) {
    const aIs = Collection.isCollection(a);
    const bIs = Collection.isCollection(b);
    if (!aIs && !bIs) return undefined;
    const plain = (x: unknown) => (Collection.isCollection(x) ? x.toJSON() : x);
    return this.equals(plain(a), plain(b), testers);
  },
]);
