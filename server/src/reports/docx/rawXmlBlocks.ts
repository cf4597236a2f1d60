import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { Packer, Paragraph, TextRun, type Document } from 'docx';
import { zipEntries } from '../../draftImport/zipDirectory';

const DOCUMENT_XML = 'word/document.xml';

/**
 * Blocks of WordprocessingML written as strings (wml.ts), placed in a docx-built document: the
 * document holds a marker paragraph for each; after docx has written it, each marker paragraph is
 * swapped for its XML and docx packs the result again through its `overrides`.
 */
export class RawXmlBlocks {
  private readonly blocks: string[] = [];
  /** Random, so no comment text can spell a marker. */
  private readonly id = randomUUID().replace(/-/g, '');

  /** A paragraph to put where the block goes. */
  placeholder(xml: string): Paragraph {
    this.blocks.push(xml);
    return new Paragraph({ children: [new TextRun(this.marker(this.blocks.length - 1))] });
  }

  private marker(i: number): string {
    return `DC-RAW-${this.id}-${i}-END`;
  }

  /** The document.xml with every marker paragraph replaced by its block, in one pass. */
  patch(documentXml: string): string {
    const parts: string[] = [];
    let from = 0;
    let replaced = 0;
    for (const m of documentXml.matchAll(new RegExp(`DC-RAW-${this.id}-(\\d+)-END`, 'g'))) {
      const start = Math.max(documentXml.lastIndexOf('<w:p>', m.index), documentXml.lastIndexOf('<w:p ', m.index));
      const end = documentXml.indexOf('</w:p>', m.index);
      const block = this.blocks[Number(m[1])];
      if (start < from || end < 0 || block === undefined) throw new Error('docx: a placeholder paragraph is malformed');
      parts.push(documentXml.slice(from, start), block);
      from = end + '</w:p>'.length;
      replaced += 1;
    }
    if (replaced !== this.blocks.length) throw new Error(`docx: ${this.blocks.length - replaced} placeholder(s) not found`);
    parts.push(documentXml.slice(from));
    return parts.join('');
  }

  async pack(doc: Document): Promise<Buffer> {
    const first = await Packer.toBuffer(doc);
    if (this.blocks.length === 0) return first;
    return Packer.toBuffer(doc, false, [{ path: DOCUMENT_XML, data: this.patch(readEntry(first, DOCUMENT_XML)) }]);
  }
}

function readEntry(zip: Buffer, name: string): string {
  const entry = zipEntries(zip)?.find((e) => e.name === name);
  if (!entry) throw new Error(`docx: ${name} missing from the package`);
  const local = entry.localHeaderOffset;
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(dataStart, dataStart + entry.compressedSize);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}
