/**
 * WordprocessingML written as strings, for the big comment tables: the docx object model costs
 * microseconds per element, and a 5,000-comment synthesis has a quarter of a million of them.
 * The elements and their order follow ECMA-376 (tblPr, tblGrid, tr/trPr, tc/tcPr, p/pPr, r/rPr).
 */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes markup and drops the control characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => XML_ESCAPES[c] ?? '');
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Half-points. */
  size?: number;
  /** A line break before the text. */
  breakBefore?: boolean;
}

export function wRun(text: string, s: RunStyle = {}): string {
  const props = (s.bold ? '<w:b/><w:bCs/>' : '') + (s.italics ? '<w:i/><w:iCs/>' : '') + (s.size ? `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${s.breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** Lines of text as runs separated by line breaks. */
export function wLines(text: string, s: RunStyle = {}): string {
  return text.split(/\r?\n/).map((line, i) => wRun(line, { ...s, breakBefore: i > 0 })).join('');
}

/** `keepNext` keeps a table row on the page of the row after it (headings of groups). */
export function wPara(runs: string, style: string, keepNext = false): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>${runs}</w:p>`;
}

export interface CellProps {
  width: number;
  span?: number;
  shade?: string;
}

export function wCell(paragraphs: string, c: CellProps): string {
  const props = `<w:tcW w:type="dxa" w:w="${c.width}"/>${c.span ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade}"/>` : ''}`;
  // A cell must end with a paragraph, even an empty one.
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs || '<w:p/>'}</w:tc>`;
}

export function wRow(cells: string, o: { header?: boolean; cantSplit?: boolean } = {}): string {
  const props = (o.cantSplit ? '<w:cantSplit/>' : '') + (o.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('');

export function wTable(widths: readonly number[], rows: string): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const props = `<w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="90" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr>';
  return `<w:tbl>${props}<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`;
}
