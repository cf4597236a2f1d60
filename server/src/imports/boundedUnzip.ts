import { inflateRawSync } from 'node:zlib';
import { zipEntries, type ZipEntry } from '../draftImport/zipDirectory';

/** One file of a zip, inflated. */
export interface ZipPart {
  name: string;
  data: Buffer;
}
export type UnzipFailure = 'FILE_TOO_LARGE' | 'UNREADABLE_FILE';
export type UnzipResult = { ok: true; parts: ZipPart[]; inflatedBytes: number } | { ok: false; reason: UnzipFailure };

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;

/**
 * The compressed bytes of an entry, located through its local header. The length comes from the
 * central directory and may lie; a lie can only shorten or truncate the slice, never reach past the file.
 */
function compressedBytes(zip: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_BYTES > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return undefined;
  const start = at + LOCAL_HEADER_BYTES + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > zip.length ? undefined : zip.subarray(start, end);
}

/**
 * Inflates one entry with at most `budget` bytes of output. zlib counts the bytes it actually produces
 * and stops past maxOutputLength (ERR_BUFFER_TOO_LARGE), so memory stays near the budget whatever the
 * zip declares.
 */
function inflatePart(raw: Buffer, method: number, budget: number): Buffer | UnzipFailure {
  if (method === STORED) return raw.length > budget ? 'FILE_TOO_LARGE' : raw;
  if (method !== DEFLATED) return 'UNREADABLE_FILE';
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'FILE_TOO_LARGE' : 'UNREADABLE_FILE';
  }
}

/**
 * Inflates the entries `keep` accepts, all together within `maxBytes` of output, counted while inflating:
 * the central directory's inflated sizes are never trusted (a 1 MB zip may declare 1,000 bytes and inflate
 * to 300 MB). Entries that overlap (one compressed kernel listed many times) each count again.
 */
export function inflateZip(zip: Buffer, maxBytes: number, keep: (name: string) => boolean = () => true): UnzipResult {
  const entries = zipEntries(zip);
  if (!entries) return { ok: false, reason: 'UNREADABLE_FILE' };
  const parts: ZipPart[] = [];
  let produced = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/') || !keep(entry.name)) continue;
    const raw = compressedBytes(zip, entry);
    if (!raw) return { ok: false, reason: 'UNREADABLE_FILE' };
    const data = inflatePart(raw, entry.method, maxBytes - produced);
    if (typeof data === 'string') return { ok: false, reason: data };
    produced += data.length;
    if (produced > maxBytes) return { ok: false, reason: 'FILE_TOO_LARGE' };
    parts.push({ name: entry.name, data });
  }
  return { ok: true, parts, inflatedBytes: produced };
}
