import type { ReportHeader } from '@diem-cau/shared';
import { AlignmentType, type Paragraph, type Table } from 'docx';
import { CONTENT_WIDTH, layoutTable, para, SIZE } from './docxKit';

const LEFT_WIDTH = 4_500;
const center = { align: AlignmentType.CENTER, after: 0 } as const;

function issuerColumn(h: ReportHeader): Paragraph[] {
  const lines: Paragraph[] = [];
  if (h.issuerParent !== '') lines.push(para(h.issuerParent, { ...center, size: SIZE.table }));
  lines.push(para(h.issuer, { ...center, bold: true, size: SIZE.table }));
  // Party documents mark the issuer with an asterisk (Hướng dẫn 36-HD/VPTW); state ones with a short rule.
  lines.push(para(h.style === 'party' ? '*' : '', { ...center, size: SIZE.table }));
  return lines;
}

function nationalColumn(h: ReportHeader): Paragraph[] {
  if (h.style === 'party') return [para(h.national[0] ?? '', { ...center, bold: true, underline: true, size: 30 })];
  return [
    para(h.national[0] ?? '', { ...center, bold: true, size: SIZE.table }),
    para(h.national[1] ?? '', { ...center, bold: true, underline: true, size: SIZE.body }),
  ];
}

/** The two-column block on top of the first page: issuer left; Party name or Quốc hiệu right; then the date line. */
export function officialHeader(h: ReportHeader): Table {
  return layoutTable([LEFT_WIDTH, CONTENT_WIDTH - LEFT_WIDTH], [
    [issuerColumn(h), nationalColumn(h)],
    [[para('')], [para(h.dateLine, { ...center, italics: true, after: 240 })]],
  ]);
}

/** "Nơi nhận:" on the left (bold italic 12 pt, entries 11 pt), the signer on the right, as official documents end. */
export function recipientsAndSigner(recipients: string[], signer: string[]): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: 24, after: 0, align: AlignmentType.LEFT }),
    ...recipients.map((r) => para(r, { size: 22, after: 0, align: AlignmentType.LEFT })),
  ];
  const right = signer.map((l, i) => para(l, { ...center, bold: i === 0, italics: i > 0 }));
  return layoutTable([CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], [[left, right]]);
}

/** Who signs: the secretary and the chair for minutes, the issuer for the synthesis. */
export function signatureBlock(left: string[], right: string[]): Table {
  const column = (lines: string[]) => lines.map((l, i) => para(l, { ...center, bold: i === 0, italics: i > 0, size: SIZE.body }));
  return layoutTable([CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], [[column(left), column(right)]]);
}
