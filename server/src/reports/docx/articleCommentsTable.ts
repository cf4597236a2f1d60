import type { KindGroup, PlacedComment } from '@diem-cau/shared';
import { AlignmentType, type Paragraph, TableRow, type Table } from 'docx';
import { cell, CONTENT_WIDTH, headerRow, para, paras, run, SIZE, table, textCell } from './docxKit';

const WIDTHS = [700, 4_254, 2_200, CONTENT_WIDTH - 700 - 4_254 - 2_200] as const;
const HEADERS = ['STT', 'Nội dung ý kiến', 'Đại biểu, điểm cầu', 'Tiếp thu, giải trình'];
const GROUP_SHADE = 'F3F3F3';
const small = { size: SIZE.table, after: 0 } as const;

function contentCell(c: PlacedComment): Paragraph[] {
  const lines = paras(c.text, small);
  const first = c.text.split(/\r?\n/)[0] ?? '';
  if (c.place !== '') lines[0] = para([run(`${c.place[0]?.toUpperCase()}${c.place.slice(1)}: `, { bold: true, size: SIZE.table }), run(first, { size: SIZE.table })], small);
  if (c.alsoArticles.length > 0) lines.push(para(`(Ý kiến này cũng góp ý Điều ${c.alsoArticles.join(', ')})`, { ...small, italics: true, size: SIZE.note }));
  return lines;
}

function speakerCell(c: PlacedComment): Paragraph[] {
  const lines: Paragraph[] = [];
  if (c.speaker !== '') lines.push(para(c.speaker, { ...small, bold: true, align: AlignmentType.LEFT }));
  if (c.position !== '') lines.push(para(c.position, { ...small, align: AlignmentType.LEFT, size: SIZE.note }));
  lines.push(para(c.pointName, { ...small, align: AlignmentType.LEFT }));
  lines.push(para(`${c.sourceLabel}, ${c.time}`, { ...small, italics: true, align: AlignmentType.LEFT, size: SIZE.note }));
  return lines;
}

function responseCell(c: PlacedComment): Paragraph[] {
  if (!c.response) return [para('')];
  return [para(c.response.label, { ...small, bold: true, align: AlignmentType.LEFT }), ...(c.response.explanation ? paras(c.response.explanation, small) : [])];
}

function commentRow(c: PlacedComment, no: number): TableRow {
  return new TableRow({
    children: [
      textCell(no, WIDTHS[0], { align: AlignmentType.CENTER }),
      cell(contentCell(c), { width: WIDTHS[1] }),
      cell(speakerCell(c), { width: WIDTHS[2] }),
      cell(responseCell(c), { width: WIDTHS[3] }),
    ],
  });
}

function groupRow(g: KindGroup): TableRow {
  const title = para(`${g.label} (${g.comments.length} ý kiến)`, { ...small, bold: true, italics: true, align: AlignmentType.LEFT });
  return new TableRow({ cantSplit: true, children: [cell([title], { width: CONTENT_WIDTH, span: 4, shade: GROUP_SHADE })] });
}

/** The comments on one article (or the general ones), grouped by kind, numbered through. */
export function articleCommentsTable(groups: readonly KindGroup[]): Table {
  const rows: TableRow[] = [headerRow(HEADERS, WIDTHS)];
  let no = 0;
  for (const g of groups) {
    rows.push(groupRow(g));
    for (const c of g.comments) rows.push(commentRow(c, (no += 1)));
  }
  return table(WIDTHS, rows);
}
