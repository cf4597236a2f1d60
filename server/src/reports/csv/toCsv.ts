import { sealRows, type LogSeal } from '../logSeal';
import type { Cell, ReportTable } from '../tables/reportTable';

/** UTF-8 byte order mark: without it Excel reads the file as ANSI and garbles the diacritics. */
export const UTF8_BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes Excel and LibreOffice keep the cell as text. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Fields that must be quoted: RFC 4180's comma, quote and line breaks, and also `;` and tab, the list
 * separators Excel uses in Vietnamese and European locales — unquoted, `x;=1+1` splits there and its
 * second half runs as a formula (Q44).
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** RFC 4180: quote a field holding a separator, a quote or a line break; double the quotes. */
export function csvField(cell: Cell): string {
  const text = typeof cell === 'number' ? String(cell) : neutralise(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A report's CSV ends with the log's seal (HC4), after an empty line. */
export function toCsv(table: ReportTable, seal?: LogSeal): Buffer {
  const tail = seal ? [[], ...sealRows(seal).map((row) => row.map(csvField))] : [];
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => row.map(csvField)), ...tail].map((fields) => fields.join(','));
  return Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
