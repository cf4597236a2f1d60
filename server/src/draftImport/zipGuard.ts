/**
 * Sums the inflated sizes a zip's central directory declares, without inflating anything,
 * so a small .docx that would expand to gigabytes (a zip bomb) is refused before mammoth reads it.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

function findEndOfCentralDirectory(buf: Buffer): number | undefined {
  const stop = Math.max(0, buf.length - EOCD_MIN - MAX_COMMENT);
  for (let i = buf.length - EOCD_MIN; i >= stop; i -= 1) if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  return undefined;
}

/** Total declared inflated size, or undefined when the directory is missing, truncated or ZIP64. */
export function declaredInflatedSize(buf: Buffer): number | undefined {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd === undefined) return undefined;
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return undefined;
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return undefined;
    const inflated = buf.readUInt32LE(offset + 24);
    if (inflated === 0xffffffff) return undefined;
    total += inflated;
    offset += 46 + buf.readUInt16LE(offset + 28) + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return total;
}
