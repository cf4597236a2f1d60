import ExcelJS from 'exceljs';
import type { ReportTable } from '../tables/reportTable';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;

export interface WorkbookMeta {
  title: string;
  subject: string;
  created: Date;
}

/** A sheet name Excel accepts: ≤ 31 characters, no : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(INVALID_SHEET_CHARS, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  // Strings stay strings: exceljs writes a formula only for { formula } values, so "=cmd()" is inert text here.
  sheet.addRows(table.rows);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  table.columns.forEach((c, i) => {
    if (c.wrap) sheet.getColumn(i + 1).alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** One sheet per view, each with a frozen, filterable header row. */
export async function toXlsx(tables: readonly ReportTable[], meta: WorkbookMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Điểm Cầu';
  workbook.title = meta.title;
  workbook.subject = meta.subject;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  const taken = new Set<string>();
  for (const table of tables) addSheet(workbook, table, sheetName(table.title, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
