import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/*
 * A POSIX ustar archive (AR1), written and read here: the archive office opens it with any tar, 7-Zip or
 * Windows' own tar; no compression (DOCX, XLSX and recordings are compressed already). Entries are
 * streamed, so a conference's recordings never sit in memory whole.
 */

const BLOCK = 512;

/** One file of an archive: bytes held here, or a file on disk read when it is written. */
export type TarEntry = { path: string; size: number } & ({ data: Buffer } | { file: string });

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** ustar splits a long path at a '/' into a prefix (155 bytes) and a name (100 bytes). */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  const cut = path.lastIndexOf('/', 155);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(name) > 100) throw new Error(`path too long for a tar entry: ${path}`);
  return { prefix, name };
}

export function tarHeader(path: string, size: number, mtimeS: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtimeS, 12), 136, 'ascii');
  h.write(' '.repeat(8), 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Writes with back-pressure; a reader gone (a download cancelled) ends the archive instead of waiting for ever. */
async function put(out: Writable, chunk: Buffer): Promise<void> {
  if (out.destroyed) throw new Error('the archive\'s reader is gone');
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new Error('the archive\'s reader is gone'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

/** Writes the entries, in order, then the two empty blocks that end an archive; does not end `out`. */
export async function writeTar(out: Writable, entries: readonly TarEntry[], mtimeS: number): Promise<void> {
  for (const e of entries) {
    await put(out, tarHeader(e.path, e.size, mtimeS));
    if ('data' in e) await put(out, e.data);
    else for await (const chunk of createReadStream(e.file)) await put(out, chunk as Buffer);
    await put(out, padding(e.size));
  }
  await put(out, Buffer.alloc(2 * BLOCK));
}

/** An entry found in an archive on disk: where its bytes start. */
export interface TarIndexEntry { path: string; size: number; offset: number }

/** Lists the regular files of a tar on disk; unreadable headers end the list (verify says what it lacks). */
export async function indexTar(file: string): Promise<TarIndexEntry[]> {
  const handle = await open(file, 'r');
  try {
    const entries: TarIndexEntry[] = [];
    const header = Buffer.alloc(BLOCK);
    const { size: total } = await handle.stat();
    for (let at = 0; at + BLOCK <= total;) {
      await handle.read(header, 0, BLOCK, at);
      if (header.every((b) => b === 0)) break;
      const field = (from: number, len: number) => header.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
      const size = parseInt(field(124, 12).trim() || '0', 8);
      if (!Number.isFinite(size)) break;
      const prefix = field(345, 155);
      const path = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
      if (field(156, 1) === '0' || field(156, 1) === '') entries.push({ path, size, offset: at + BLOCK });
      at += BLOCK + size + padding(size).length;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** An entry's bytes (the manifest, the log: small enough to hold). */
export async function readEntry(file: string, e: TarIndexEntry): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const data = Buffer.alloc(e.size);
    await handle.read(data, 0, e.size, e.offset);
    return data;
  } finally {
    await handle.close();
  }
}

/** SHA-256 of an entry, streamed. */
export async function hashEntry(file: string, e: TarIndexEntry, hash: { update(b: Buffer): unknown }): Promise<void> {
  if (e.size === 0) return;
  for await (const chunk of createReadStream(file, { start: e.offset, end: e.offset + e.size - 1 })) hash.update(chunk as Buffer);
}
