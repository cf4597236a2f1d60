import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { plainText } from '../draftImport/readDraftFile';
import { declaredInflatedSize } from '../draftImport/zipGuard';
import { inflateZip } from '../imports/boundedUnzip';
import type { ParseLimits } from '../imports/parseLimits';
import { repackStored } from '../imports/zipWriter';
import { failure, type PointsImportFailure } from './pointsImportErrors';

/** Rows read past the header search; the importer stops there too. */
export const MAX_TABLE_ROWS = 5_000;
export const HEADER_SEARCH_ROWS = 10;
const MAX_COLUMNS = 50;
const UNREADABLE_XLSX = 'Không đọc được tệp .xlsx (tệp hỏng hoặc không phải Excel)';
const TOO_LARGE_XLSX = 'Tệp .xlsx giải nén ra quá lớn';

/** RFC 4180 with the delimiter Excel chose (comma, semicolon or tab), quotes doubled inside quotes. */
export function readCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * exceljs loads the zip with JSZip, which trusts the sizes the zip declares: it only ever sees a stored
 * re-pack of parts we inflated ourselves within the byte budget (as mammoth does for drafts).
 */
async function readXlsx(data: Buffer, limits: ParseLimits): Promise<string[][] | PointsImportFailure> {
  const declared = declaredInflatedSize(data);
  if (declared === undefined) return failure('UNREADABLE_FILE', UNREADABLE_XLSX);
  if (declared > limits.maxInflatedBytes) return failure('FILE_TOO_LARGE', TOO_LARGE_XLSX);
  const unzipped = inflateZip(data, limits.maxInflatedBytes);
  if (!unzipped.ok) return failure(unzipped.reason, unzipped.reason === 'FILE_TOO_LARGE' ? TOO_LARGE_XLSX : UNREADABLE_XLSX);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(repackStored(unzipped.parts) as unknown as ArrayBuffer);
  } catch {
    return failure('UNREADABLE_FILE', UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > MAX_TABLE_ROWS + HEADER_SEARCH_ROWS) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(row.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Uint8Array, magic: readonly number[]) => magic.every((b, i) => data[i] === b);

function csvRows(data: Buffer, limits: ParseLimits): string[][] | PointsImportFailure {
  if (startsWith(data, ZIP_MAGIC)) return failure('UNREADABLE_FILE', 'Tệp nén không phải bảng CSV');
  const text = plainText(data);
  if (!text.ok) return failure('UNREADABLE_FILE', text.error.message);
  if (text.text.length > limits.maxTextChars) return failure('FILE_TOO_LARGE', 'Bảng CSV quá dài');
  return readCsv(text.text);
}

/** The file's cells as text, row by row: .xlsx (first sheet with rows) or CSV. */
export async function readTable(fileName: string, data: Buffer, limits: ParseLimits): Promise<string[][] | PointsImportFailure> {
  const ext = extname(fileName).toLowerCase().slice(1);
  if (startsWith(data, OLE_MAGIC)) return failure('UNSUPPORTED_TYPE', 'Tệp Excel cũ (.xls) chưa được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc .csv');
  if (ext === 'xlsx') return startsWith(data, ZIP_MAGIC) ? readXlsx(data, limits) : failure('UNREADABLE_FILE', 'Tệp .xlsx không đúng định dạng Excel');
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return csvRows(data, limits);
  return failure('UNSUPPORTED_TYPE', `Không hỗ trợ tệp "${ext === '' ? fileName : `.${ext}`}" (chỉ nhận .csv, .xlsx)`);
}
