import { deflateRawSync } from 'node:zlib';
import { docxText } from '../draftImport/readDraftFile';
import { declaredInflatedSize } from '../draftImport/zipGuard';
import { docxOf, lyingEntry, withParts } from '../testing/hostileFiles';
import { inflateZip } from './boundedUnzip';
import { repackStored, writeZip } from './zipWriter';

const MB = 1024 * 1024;

describe('bounded inflation', () => {
  it('Q21: a zip that lies about its sizes is refused FILE_TOO_LARGE while inflating, holding about the budget', () => {
    const bomb = writeZip([lyingEntry('word/document.xml', 300)]);
    expect(bomb.length).toBeLessThan(MB);
    expect(declaredInflatedSize(bomb)).toBe(1_000);
    const before = process.memoryUsage();
    expect(inflateZip(bomb, 8 * MB)).toEqual({ ok: false, reason: 'FILE_TOO_LARGE' });
    const after = process.memoryUsage();
    expect(after.arrayBuffers + after.external - before.arrayBuffers - before.external).toBeLessThan(32 * MB);
  });

  it('Q21: parts that share one compressed kernel (overlapping entries) each count against the budget', () => {
    const kernel = lyingEntry('a.xml', 3);
    const zip = writeZip([kernel]);
    // A second central-directory entry pointing at the same local header: 3 MB declared once, inflated twice.
    const central = zip.subarray(zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])), zip.length - 22);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt16LE(2, 8);
    end.writeUInt16LE(2, 10);
    end.writeUInt32LE(central.length * 2, 12);
    const twice = Buffer.concat([zip.subarray(0, zip.length - 22 - central.length), central, central, end]);
    expect(inflateZip(twice, 5 * MB)).toEqual({ ok: false, reason: 'FILE_TOO_LARGE' });
    expect(inflateZip(twice, 7 * MB)).toMatchObject({ ok: true, inflatedBytes: 6 * MB });
  });

  it('Q21: a .docx whose document.xml declares 1,000 bytes but inflates to 300 MB never reaches mammoth', async () => {
    const bomb = withParts(await docxOf(['Điều 1. A']), { 'word/document.xml': lyingEntry('word/document.xml', 300) });
    const read = await docxText(bomb, { maxInflatedBytes: 16 * MB, maxTextChars: 1_000_000 });
    expect(read).toMatchObject({ ok: false, error: { reason: 'FILE_TOO_LARGE' } });
  });

  it('Q21: an honest zip re-packed stored reads the same, and corrupt deflate data is UNREADABLE_FILE', async () => {
    const real = await docxOf(['Điều 1. Phạm vi', 'Nội dung.']);
    const unzipped = inflateZip(real, 16 * MB);
    if (!unzipped.ok) throw new Error(unzipped.reason);
    expect(unzipped.inflatedBytes).toBe(declaredInflatedSize(real));
    expect(await docxText(repackStored(unzipped.parts))).toEqual(await docxText(real));
    const corrupt = writeZip([{ name: 'a.xml', body: Buffer.from('not deflate at all'), method: 8, inflatedSize: 10, crc: 0 }]);
    expect(inflateZip(corrupt, MB)).toEqual({ ok: false, reason: 'UNREADABLE_FILE' });
    const truncated = writeZip([{ name: 'a.xml', body: deflateRawSync(Buffer.alloc(1000)).subarray(0, 3), method: 8, inflatedSize: 1000, crc: 0 }]);
    expect(inflateZip(truncated, MB)).toEqual({ ok: false, reason: 'UNREADABLE_FILE' });
  });
});
