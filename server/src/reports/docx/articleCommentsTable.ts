import type { KindGroup, PlacedComment } from '@diem-cau/shared';
import { CONTENT_WIDTH, HEADER_SHADE, SIZE, STYLE } from './docxKit';
import { wCell, wLines, wPara, wRow, wRun, wTable } from './wml';

/** STT | Nội dung ý kiến | Đại biểu, điểm cầu | Tiếp thu, giải trình (twips). */
const WIDTHS = [700, 3_800, 2_600, CONTENT_WIDTH - 700 - 3_800 - 2_600] as const;
const HEADERS = ['STT', 'Nội dung ý kiến', 'Đại biểu, điểm cầu', 'Tiếp thu, giải trình'];
const GROUP_SHADE = 'F3F3F3';

function capitalised(s: string): string {
  return `${s[0]?.toLocaleUpperCase('vi') ?? ''}${s.slice(1)}`;
}

function contentCell(c: PlacedComment): string {
  const place = c.place === '' ? '' : wRun(`${capitalised(c.place)}: `, { bold: true });
  const also = c.alsoArticles.length === 0 ? '' : wPara(wRun(`(Ý kiến này cũng góp ý Điều ${c.alsoArticles.join(', ')})`), STYLE.note);
  const followed = c.followed ? wPara(wRun(c.followed), STYLE.note) : '';
  return wPara(place + wLines(c.text), STYLE.cell) + also + followed;
}

function speakerCell(c: PlacedComment): string {
  const lines = [
    ...(c.speaker !== '' ? [wRun(c.speaker, { bold: true })] : []),
    ...(c.position !== '' ? [wRun(c.position, { size: SIZE.note, breakBefore: c.speaker !== '' })] : []),
    wRun(c.pointName, { breakBefore: c.speaker !== '' || c.position !== '' }),
  ];
  return wPara(lines.join(''), STYLE.cell) + wPara(wRun(`${c.sourceLabel}, ${c.time}`), STYLE.note);
}

function responseCell(c: PlacedComment): string {
  if (!c.response) return '';
  const explanation = c.response.explanation === '' ? '' : c.response.explanation.split(/\r?\n/).map((line) => wRun(line, { breakBefore: true })).join('');
  return wPara(wRun(c.response.label, { bold: true }) + explanation, STYLE.cell);
}

function commentRow(c: PlacedComment, no: number): string {
  return wRow(
    wCell(wPara(wRun(String(no)), STYLE.cellCenter), { width: WIDTHS[0] }) +
    wCell(contentCell(c), { width: WIDTHS[1] }) +
    wCell(speakerCell(c), { width: WIDTHS[2] }) +
    wCell(responseCell(c), { width: WIDTHS[3] }),
    { cantSplit: true },
  );
}

function groupRow(g: KindGroup): string {
  const title = wPara(wRun(`${g.label} (${g.comments.length} ý kiến)`, { bold: true, italics: true }), STYLE.cell, true);
  return wRow(wCell(title, { width: CONTENT_WIDTH, span: 4, shade: GROUP_SHADE }), { cantSplit: true });
}

function headerRow(): string {
  return wRow(HEADERS.map((h, i) => wCell(wPara(wLines(h), STYLE.head, true), { width: WIDTHS[i] ?? 0, shade: HEADER_SHADE })).join(''), { header: true, cantSplit: true });
}

/** The comments on one article (or the general ones), grouped by kind, numbered through: WordprocessingML. */
export function articleCommentsTable(groups: readonly KindGroup[]): string {
  const rows = [headerRow()];
  let no = 0;
  for (const g of groups) {
    rows.push(groupRow(g));
    for (const c of g.comments) rows.push(commentRow(c, (no += 1)));
  }
  return wTable(WIDTHS, rows.join(''));
}
