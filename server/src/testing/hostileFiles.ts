import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { inflateZip } from '../imports/boundedUnzip';
import { storedEntry, writeZip, type ZipWriteEntry } from '../imports/zipWriter';

/**
 * Real files, built in the test, that do to a parser what a hostile upload would: lie about their sizes,
 * inflate far beyond their size, nest deep, or simply take long.
 */

const MB = 1024 * 1024;

export async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));
}

export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đại biểu');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A raw deflate stream of `megabytes` MB of spaces, about 1 KB per MB, built without holding the output:
 * one sync-flushed block repeated (each copy refers only to itself), then an empty final block.
 */
export function deflateBomb(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** An entry that inflates to `megabytes` MB while its headers declare `declared` bytes (and a wrong CRC). */
export function lyingEntry(name: string, megabytes: number, declared = 1_000): ZipWriteEntry {
  return { name, body: deflateBomb(megabytes), method: 8, inflatedSize: declared, crc: 0 };
}

/** An honest deflated entry, as Word writes them: a few MB of repetitive XML is a few KB. */
export const deflatedEntry = (name: string, data: Buffer): ZipWriteEntry => ({ name, body: deflateRawSync(data), method: 8, inflatedSize: data.length, crc: crc32(data) });

/** The same zip with some parts replaced (stored or hostile); the rest re-packed stored. */
export function withParts(zip: Buffer, replace: Record<string, ZipWriteEntry | Buffer>): Buffer {
  const unzipped = inflateZip(zip, 100 * MB);
  if (!unzipped.ok) throw new Error(`not a zip: ${unzipped.reason}`);
  return writeZip(unzipped.parts.map((part) => {
    const next = replace[part.name];
    if (next === undefined) return storedEntry(part);
    return Buffer.isBuffer(next) ? storedEntry({ name: part.name, data: next }) : next;
  }));
}

/** A .docx whose body is `body` (WordprocessingML), in an otherwise real document. */
export async function docxWithBody(body: string): Promise<Buffer> {
  const real = await docxOf(['x']);
  const unzipped = inflateZip(real, 100 * MB);
  const xml = unzipped.ok ? unzipped.parts.find((p) => p.name === 'word/document.xml')?.data.toString('utf8') : undefined;
  if (!xml) throw new Error('docx without word/document.xml');
  const head = xml.slice(0, xml.indexOf('<w:body>') + '<w:body>'.length);
  return withParts(real, { 'word/document.xml': deflatedEntry('word/document.xml', Buffer.from(`${head}${body}</w:body></w:document>`, 'utf8')) });
}

/** Many short paragraphs: ~68 bytes of XML each; 100,000 take mammoth ~5 s and ~250 MB. */
export const slowDocx = (paragraphs: number) => docxWithBody('<w:p><w:r><w:t>Điều 1. Nội dung khoản một</w:t></w:r></w:p>'.repeat(paragraphs));

/** Content controls nested `depth` deep around one paragraph. */
export const nestedDocx = (depth: number) =>
  docxWithBody(`${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>Điều 1. A</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`);
