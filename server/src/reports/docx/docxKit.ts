import {
  type AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
  WidthType, type ParagraphChild,
} from 'docx';

/** Nghị định 30/2020/NĐ-CP: Times New Roman, 13–14 pt body; sizes here are half-points. */
export const FONT = 'Times New Roman';
export const SIZE = { body: 28, table: 26, note: 24 } as const;
/** A4 (twips) with the decree's margins: top/bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE = { width: 11_906, height: 16_838, top: 1_134, bottom: 1_134, left: 1_701, right: 851 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * Paragraph styles defined once in the document (documentShell). Table text uses them instead of
 * per-run properties: a 5,000-comment report is tens of thousands of runs, and every property is an element.
 */
export const STYLE = { cell: 'CellText', cellCenter: 'CellCenter', note: 'CellNote', head: 'CellHead' } as const;

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** A run carries only the properties it changes from its paragraph style. */
export function run(text: string, s: TextStyle = {}, breakBefore = false): TextRun {
  return new TextRun({
    text,
    ...(s.bold ? { bold: true } : {}),
    ...(s.italics ? { italics: true } : {}),
    ...(s.underline ? { underline: {} } : {}),
    ...(s.size !== undefined ? { size: s.size } : {}),
    ...(breakBefore ? { break: 1 } : {}),
  });
}

export interface ParaOptions extends TextStyle {
  align?: Align;
  indent?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
  style?: string;
}

export function para(content: string | ParagraphChild[], o: ParaOptions = {}): Paragraph {
  const spacing = o.after !== undefined || o.before !== undefined ? { spacing: { ...(o.after !== undefined ? { after: o.after } : {}), ...(o.before !== undefined ? { before: o.before } : {}) } } : {};
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, o)] : content,
    ...(o.style ? { style: o.style } : {}),
    ...(o.align ? { alignment: o.align } : {}),
    ...spacing,
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** Lines of text as one paragraph with line breaks (cheaper than a paragraph per line). */
export function lines(text: string, s: TextStyle = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => run(line, s, i > 0));
}

/** Text in a table cell, in a cell style. */
export function cellPara(text: string, style: string = STYLE.cell, s: TextStyle = {}): Paragraph {
  return new Paragraph({ style, children: lines(text, s) });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], heading: HEADINGS[level - 1] });
}

export interface CellOptions {
  width?: number;
  shade?: string;
  span?: number;
}

export function cell(children: Paragraph[], o: CellOptions = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({ style: STYLE.cell })],
    ...(o.width !== undefined ? { width: { size: o.width, type: WidthType.DXA } } : {}),
    ...(o.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.shade } } : {}),
    ...(o.span ? { columnSpan: o.span } : {}),
  });
}

/** Counts, times and ratios ("3", "4:15", "2/4") are centred; words are not. */
const FIGURE = /^[\d:/.,–-]+$/;

export function textCell(text: string | number, style: string = FIGURE.test(String(text)) ? STYLE.cellCenter : STYLE.cell): TableCell {
  return cell([cellPara(String(text), style)]);
}

export const HEADER_SHADE = 'E8EEF7';

export function headerRow(headers: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true, cantSplit: true,
    children: headers.map((h, i) => cell([cellPara(h, STYLE.head)], { width: widths[i] ?? 1000, shade: HEADER_SHADE })),
  });
}

/** Fixed layout from the grid: Word and LibreOffice size the columns from `columnWidths`. */
export function table(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows, columnWidths: [...widths], layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    margins: { top: 30, bottom: 30, left: 90, right: 90 },
  });
}

/** A simple grid: a repeated header row and one row of text cells per record. */
export function gridTable(headers: readonly string[], widths: readonly number[], rows: ReadonlyArray<ReadonlyArray<string | number>>): Table {
  const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => textCell(v)) }));
  return table(widths, [headerRow(headers, widths), ...body]);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;

/** Two columns without borders: the header block and the signature block. */
export function layoutTable(widths: readonly [number, number], rows: Array<[Paragraph[], Paragraph[]]>): Table {
  return new Table({
    columnWidths: [...widths], layout: TableLayoutType.FIXED, borders: NO_BORDERS,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    rows: rows.map(([l, r]) => new TableRow({ children: [cell(l, { width: widths[0] }), cell(r, { width: widths[1] })] })),
  });
}
