/**
 * A conference's collections (points, agenda, requests, speeches, comments): ordered by first insertion,
 * looked up by id, persistent. Changing one entry costs O(log₃₂ n) and leaves every earlier version
 * intact, so the hub and the browsers run the same reducer at a cost per event that does not grow with
 * the conference (a reducer that copied `{...byId}` per event slowed the hub 2× by 11,000 events).
 *
 * Values sit in a 32-way trie copied along one path per change. The ids and their slots are an
 * append-only spine shared by the versions that extend one another: a version sees the first `size`
 * of them. Adding to a version that is not the spine's tip (someone kept an old state and writes
 * from it) copies the spine first, so versions never see each other's additions.
 *
 * Ids live in a Map, never as object keys: `__proto__` or `constructor` cannot reach a prototype.
 * On the wire and on disk a collection is `{ ids, byId }` (toJSON / fromJSON).
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Trie = unknown[];

interface Spine {
  ids: string[];
  slots: Map<string, number>;
}

export interface CollectionJson<T> {
  ids: string[];
  byId: Record<string, T>;
}

function trieGet(root: Trie, shift: number, slot: number): unknown {
  let node = root;
  for (let s = shift; s > 0; s -= BITS) node = node[(slot >>> s) & MASK] as Trie;
  return node[slot & MASK];
}

function trieSet(node: Trie | undefined, shift: number, slot: number, value: unknown): Trie {
  const copy = node ? node.slice() : [];
  if (shift === 0) copy[slot & MASK] = value;
  else {
    const i = (slot >>> shift) & MASK;
    copy[i] = trieSet(copy[i] as Trie | undefined, shift - BITS, slot, value);
  }
  return copy;
}

const BRAND = Symbol.for('diem-cau.collection');

export class Collection<T> implements Iterable<T> {
  private idsCache: readonly string[] | undefined;
  private listCache: readonly T[] | undefined;
  readonly [BRAND] = true;

  private constructor(
    private readonly spine: Spine,
    readonly size: number,
    private readonly root: Trie,
    private readonly shift: number,
  ) {}

  static empty<T>(): Collection<T> {
    return new Collection<T>({ ids: [], slots: new Map() }, 0, [], 0);
  }

  static of<T extends { id: string }>(items: Iterable<T>): Collection<T> {
    let c = Collection.empty<T>();
    for (const item of items) c = c.add(item.id, item);
    return c;
  }

  static isCollection(x: unknown): x is Collection<unknown> {
    return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
  }

  /** A collection from its wire form; entries whose id is missing from `byId` are dropped. */
  static fromJSON<T>(json: CollectionJson<T>): Collection<T> {
    let c = Collection.empty<T>();
    for (const id of json.ids) {
      if (Object.prototype.hasOwnProperty.call(json.byId, id)) c = c.add(id, json.byId[id] as T);
    }
    return c;
  }

  get(id: string): T | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : (trieGet(this.root, this.shift, slot) as T);
  }

  has(id: string): boolean {
    return this.slotOf(id) !== undefined;
  }

  /** Replaces an entry; the id must be there already (adding is `add`). */
  put(id: string, value: T): Collection<T> {
    const slot = this.slotOf(id);
    if (slot === undefined) throw new Error(`collection: no entry ${id} to replace`);
    return new Collection<T>(this.spine, this.size, trieSet(this.root, this.shift, slot, value), this.shift);
  }

  /** Appends an entry at the end of the order; an id already there is replaced in place. */
  add(id: string, value: T): Collection<T> {
    if (this.has(id)) return this.put(id, value);
    const spine = this.spine.ids.length === this.size ? this.spine : this.branch();
    spine.ids.push(id);
    spine.slots.set(id, this.size);
    const full = this.size === WIDTH << this.shift;
    const root = full ? [this.root] : this.root;
    const shift = full ? this.shift + BITS : this.shift;
    return new Collection<T>(spine, this.size + 1, trieSet(root, shift, this.size, value), shift);
  }

  /** The ids in order (computed once per version). */
  get ids(): readonly string[] {
    this.idsCache ??= this.spine.ids.slice(0, this.size);
    return this.idsCache;
  }

  /** The entries in order (computed once per version). */
  list(): readonly T[] {
    if (!this.listCache) {
      const out: T[] = new Array<T>(this.size);
      for (let slot = 0; slot < this.size; slot += 1) out[slot] = trieGet(this.root, this.shift, slot) as T;
      this.listCache = out;
    }
    return this.listCache;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.list()[Symbol.iterator]();
  }

  toJSON(): CollectionJson<T> {
    const byId: Record<string, T> = {};
    const values = this.list();
    this.ids.forEach((id, slot) => {
      // defineProperty: an id such as `__proto__` becomes an own key, not the object's prototype.
      Object.defineProperty(byId, id, { value: values[slot], enumerable: true, writable: true, configurable: true });
    });
    return { ids: [...this.ids], byId };
  }

  private slotOf(id: string): number | undefined {
    const slot = this.spine.slots.get(id);
    return slot !== undefined && slot < this.size ? slot : undefined;
  }

  private branch(): Spine {
    const ids = this.spine.ids.slice(0, this.size);
    return { ids, slots: new Map(ids.map((id, slot) => [id, slot])) };
  }
}
