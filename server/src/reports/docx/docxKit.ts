import {
  AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType, type ParagraphChild,
} from 'docx';

/** Nghị định 30/2020/NĐ-CP: Times New Roman, 13–14 pt body; sizes here are half-points. */
export const FONT = 'Times New Roman';
export const SIZE = { body: 28, table: 26, note: 24 } as const;
/** A4 (twips) with the decree's margins: top/bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE = { width: 11_906, height: 16_838, top: 1_134, bottom: 1_134, left: 1_701, right: 851 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, style: TextStyle = {}): TextRun {
  return new TextRun({
    text, bold: style.bold ?? false, italics: style.italics ?? false, size: style.size ?? SIZE.body,
    ...(style.underline ? { underline: {} } : {}),
  });
}

export interface ParaOptions extends TextStyle {
  align?: Align;
  indent?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
}

export function para(content: string | ParagraphChild[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, o)] : content,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 120, before: o.before ?? 0 },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** Text with line breaks becomes one paragraph per line (a comment may hold several). */
export function paras(text: string, o: ParaOptions = {}): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map((line) => para(line, o));
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], heading: HEADINGS[level - 1], keepNext: true });
}

export interface CellOptions {
  width: number;
  shade?: string;
  span?: number;
  align?: Align;
}

export function cell(children: Paragraph[], o: CellOptions): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [para('')],
    width: { size: o.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    ...(o.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.shade } } : {}),
    ...(o.span ? { columnSpan: o.span } : {}),
  });
}

/** A cell of table text: smaller type, left aligned, tight spacing. */
export function textCell(text: string | number, width: number, style: TextStyle & { align?: Align } = {}): TableCell {
  return cell(paras(String(text), { size: SIZE.table, after: 0, align: style.align ?? AlignmentType.LEFT, ...style }), { width });
}

export const HEADER_SHADE = 'E8EEF7';

export function headerRow(headers: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true, cantSplit: true,
    children: headers.map((h, i) => cell([para(h, { bold: true, size: SIZE.table, align: AlignmentType.CENTER, after: 0 })], { width: widths[i] ?? 1000, shade: HEADER_SHADE })),
  });
}

export function table(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows, columnWidths: [...widths], layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
  });
}

/** A simple grid: a repeated header row and one row of text cells per record. */
export function gridTable(headers: readonly string[], widths: readonly number[], rows: ReadonlyArray<ReadonlyArray<string | number>>): Table {
  const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => textCell(v, widths[i] ?? 1000, typeof v === 'number' ? { align: AlignmentType.CENTER } : {})) }));
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
