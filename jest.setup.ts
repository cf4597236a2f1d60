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

// jsdom lacks the streams and text codecs every browser the consoles target has (a snapshot is inflated with
// DecompressionStream): client tests get Node's own implementations of the same web standards.
import { ReadableStream as NodeReadableStream, DecompressionStream as NodeDecompressionStream } from 'node:stream/web';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

const webGlobals: Record<string, unknown> = {
  ReadableStream: NodeReadableStream, DecompressionStream: NodeDecompressionStream, TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder,
};
for (const [name, value] of Object.entries(webGlobals)) if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
