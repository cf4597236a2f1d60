/**
 * The entries a zip's central directory lists, read without inflating anything. Enough for
 * .docx files (no ZIP64, no multi-disk); anything else reads as undefined.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  inflatedSize: number;
  localHeaderOffset: number;
}

function endOfCentralDirectory(buf: Buffer): number | undefined {
  const stop = Math.max(0, buf.length - EOCD_MIN - MAX_COMMENT);
  for (let i = buf.length - EOCD_MIN; i >= stop; i -= 1) if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  return undefined;
}

function entryAt(buf: Buffer, offset: number): { entry: ZipEntry; next: number } | undefined {
  if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return undefined;
  const nameLength = buf.readUInt16LE(offset + 28);
  const entry: ZipEntry = {
    method: buf.readUInt16LE(offset + 10),
    compressedSize: buf.readUInt32LE(offset + 20),
    inflatedSize: buf.readUInt32LE(offset + 24),
    localHeaderOffset: buf.readUInt32LE(offset + 42),
    name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
  };
  if (entry.inflatedSize === 0xffffffff || entry.compressedSize === 0xffffffff) return undefined;
  return { entry, next: offset + 46 + nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32) };
}

export function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  if (buf.length < EOCD_MIN) return undefined;
  const eocd = endOfCentralDirectory(buf);
  if (eocd === undefined) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return undefined;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const read = entryAt(buf, offset);
    if (!read) return undefined;
    entries.push(read.entry);
    offset = read.next;
  }
  return entries;
}
