import { AlignmentType, Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { FONT, PAGE, SIZE, STYLE } from './docxKit';

const headingStyle = (size: number, italics = false) => ({
  run: { font: FONT, size, bold: true, italics, color: '000000' },
  paragraph: { spacing: { before: 200, after: 120 }, keepNext: true, alignment: AlignmentType.LEFT },
});

const cellStyle = (id: string, name: string, run: { size: number; bold?: boolean; italics?: boolean }, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => ({
  id, name, basedOn: 'Normal', quickFormat: true, run, paragraph: { alignment, spacing: { before: 20, after: 20, line: 264, lineRule: LineRuleType.AUTO } },
});

const PARAGRAPH_STYLES = [
  cellStyle(STYLE.cell, 'Cell Text', { size: SIZE.table }, AlignmentType.LEFT),
  cellStyle(STYLE.cellCenter, 'Cell Center', { size: SIZE.table }, AlignmentType.CENTER),
  cellStyle(STYLE.note, 'Cell Note', { size: SIZE.note, italics: true }, AlignmentType.LEFT),
  cellStyle(STYLE.head, 'Cell Head', { size: SIZE.table, bold: true }, AlignmentType.CENTER),
];

export interface ShellMeta {
  title: string;
  subject: string;
}

/** A4, Times New Roman, the decree's margins; page numbers centred on top from page 2. */
export function officialDocument(meta: ShellMeta, children: FileChild[]): Document {
  return new Document({
    creator: 'Điểm Cầu', title: meta.title, subject: meta.subject,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
        heading1: headingStyle(SIZE.body),
        heading2: headingStyle(SIZE.body),
        heading3: headingStyle(SIZE.body, true),
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.table })] })] }),
        first: new Header({ children: [] }),
      },
      footers: { first: new Footer({ children: [] }) },
      children,
    }],
  });
}

export function toDocxBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
