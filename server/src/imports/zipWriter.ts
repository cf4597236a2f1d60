import { crc32 } from 'node:zlib';
import type { ZipPart } from './boundedUnzip';

/** One entry to write: its bytes as stored in the zip, and what the headers say about them. */
export interface ZipWriteEntry {
  name: string;
  /** The bytes as they sit in the zip: raw for method 0, a raw deflate stream for method 8. */
  body: Buffer;
  method: 0 | 8;
  /** What the headers declare; the truth for entries this module builds, anything for a test's hostile zip. */
  inflatedSize: number;
  crc: number;
}

const UTF8_NAMES = 0x0800;
const VERSION = 20;

function localHeader(e: ZipWriteEntry, name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.body.length, 18);
  h.writeUInt32LE(e.inflatedSize, 22);
  h.writeUInt16LE(name.length, 26);
  return h;
}

function centralHeader(e: ZipWriteEntry, name: Buffer, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(VERSION, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.body.length, 20);
  h.writeUInt32LE(e.inflatedSize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return h;
}

/** A plain zip (no ZIP64, no data descriptors): what mammoth's and exceljs's JSZip read. */
export function writeZip(entries: readonly ZipWriteEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.concat([localHeader(e, name), name, e.body]);
    centrals.push(centralHeader(e, name, offset), name);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const storedEntry = (part: ZipPart): ZipWriteEntry => ({ name: part.name, body: part.data, method: 0, inflatedSize: part.data.length, crc: crc32(part.data) });

/**
 * Parts already inflated within the budget, re-packed without compression: the parser that reads the
 * result (JSZip inside mammoth or exceljs) only slices, it has nothing left to inflate.
 */
export function repackStored(parts: readonly ZipPart[]): Buffer {
  return writeZip(parts.map(storedEntry));
}
