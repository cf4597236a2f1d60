import { extname } from 'node:path';
import { LIMITS, foldDiacritics, nfc, type BridgePointSetup } from '@diem-cau/shared';
import ExcelJS from 'exceljs';
import { Router, type Request, type Response } from 'express';
import { plainText } from '../draftImport/readDraftFile';
import { declaredInflatedSize } from '../draftImport/zipGuard';
import { requireAdmin } from './auth';
import { sendImportFailure, singleFileUpload } from './fileUpload';

/** Why a list of points could not be read; sent as INVALID with the reason in details. */
export const POINTS_IMPORT_ERROR = {
  NO_FILE: 'NO_FILE', EMPTY_FILE: 'EMPTY_FILE', FILE_TOO_LARGE: 'FILE_TOO_LARGE', UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  UNREADABLE_FILE: 'UNREADABLE_FILE', NO_COLUMNS: 'NO_COLUMNS', NO_ROWS: 'NO_ROWS',
} as const;
export type PointsImportErrorCode = (typeof POINTS_IMPORT_ERROR)[keyof typeof POINTS_IMPORT_ERROR];
const STATUS: Record<PointsImportErrorCode, number> = {
  NO_FILE: 400, EMPTY_FILE: 400, FILE_TOO_LARGE: 413, UNSUPPORTED_TYPE: 415, UNREADABLE_FILE: 422, NO_COLUMNS: 422, NO_ROWS: 422,
};

/** A list of a few hundred delegates is a few dozen KB; an .xlsx with a logo stays far below this. */
export const MAX_POINTS_FILE_BYTES = 5 * 1024 * 1024;
const MAX_XLSX_INFLATED_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 5_000;
const MAX_POINTS = 500;
const MAX_DELEGATES_PER_POINT = 200;
const HEADER_SEARCH_ROWS = 10;
const ID_STEM_CHARS = 48;

export interface PointsImportWarning { row: number; message: string }
export interface PointsImport {
  points: BridgePointSetup[];
  warnings: PointsImportWarning[];
  stats: { rows: number; points: number; delegates: number };
}
type Failure = { ok: false; reason: PointsImportErrorCode; message: string };
export type PointsImportResult = { ok: true; value: PointsImport } | Failure;
const failure = (reason: PointsImportErrorCode, message: string): Failure => ({ ok: false, reason, message });

type Column = 'point' | 'delegate' | 'position' | 'kind' | 'id';
/** Header words, folded (no diacritics, lower case): Vietnamese first, English accepted. */
const HEADERS: Record<Column, readonly string[]> = {
  point: ['diem cau', 'ten diem cau', 'diem cau tinh', 'don vi', 'point', 'bridge point', 'point name', 'location'],
  delegate: ['dai bieu', 'ten dai bieu', 'ho va ten', 'ho ten', 'ho va ten dai bieu', 'delegate', 'delegate name', 'name', 'full name'],
  position: ['chuc vu', 'chuc danh', 'position', 'title', 'job title'],
  kind: ['loai', 'loai diem cau', 'cap', 'kind', 'type'],
  id: ['ma', 'ma diem cau', 'id', 'point id'],
};

const fold = (s: string) => foldDiacritics(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** "Tỉnh ủy Thái Nguyên" → "tinh-uy-thai-nguyen": ids the join links and the logs can carry. */
export function slugId(name: string, fallback = 'diem-cau'): string {
  const slug = fold(name).replace(/ /g, '-').slice(0, ID_STEM_CHARS).replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

function unique(stem: string, taken: Set<string>): string {
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

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

async function readXlsx(data: Buffer): Promise<string[][] | Failure> {
  const inflated = declaredInflatedSize(data);
  if (inflated === undefined) return failure('UNREADABLE_FILE', 'Không đọc được tệp .xlsx (tệp hỏng hoặc không phải Excel)');
  if (inflated > MAX_XLSX_INFLATED_BYTES) return failure('FILE_TOO_LARGE', 'Tệp .xlsx giải nén ra quá lớn');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return failure('UNREADABLE_FILE', 'Không đọc được tệp .xlsx (tệp hỏng hoặc không phải Excel)');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > MAX_ROWS + HEADER_SEARCH_ROWS) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(row.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Uint8Array, magic: readonly number[]) => magic.every((b, i) => data[i] === b);

async function readTable(fileName: string, data: Buffer): Promise<string[][] | Failure> {
  const ext = extname(fileName).toLowerCase().slice(1);
  if (startsWith(data, OLE_MAGIC)) return failure('UNSUPPORTED_TYPE', 'Tệp Excel cũ (.xls) chưa được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc .csv');
  if (ext === 'xlsx') return startsWith(data, ZIP_MAGIC) ? readXlsx(data) : failure('UNREADABLE_FILE', 'Tệp .xlsx không đúng định dạng Excel');
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    if (startsWith(data, ZIP_MAGIC)) return failure('UNREADABLE_FILE', 'Tệp nén không phải bảng CSV');
    const text = plainText(data);
    return text.ok ? readCsv(text.text) : failure('UNREADABLE_FILE', text.error.message);
  }
  return failure('UNSUPPORTED_TYPE', `Không hỗ trợ tệp "${ext === '' ? fileName : `.${ext}`}" (chỉ nhận .csv, .xlsx)`);
}

function findHeader(rows: string[][]): { at: number; columns: Partial<Record<Column, number>> } | undefined {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const columns: Partial<Record<Column, number>> = {};
    (rows[at] ?? []).forEach((cell, i) => {
      const name = fold(cell);
      const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(name));
      if (column && columns[column] === undefined) columns[column] = i;
    });
    if (columns.point !== undefined) return { at, columns };
  }
  return undefined;
}

const isCentral = (kind: string, name: string) => {
  const k = fold(kind);
  if (k !== '') return k.includes('trung uong') || k === 'tw' || k === 'central';
  return fold(name).includes('trung uong');
};
const clean = (s: string | undefined) => nfc(s ?? '').replace(/\s+/g, ' ').trim();

/** One row per delegate; a blank point cell continues the point above (merged cells in Excel). */
function collect(rows: string[][], header: NonNullable<ReturnType<typeof findHeader>>): PointsImport {
  const { columns } = header;
  const cell = (row: string[], c: Column) => (columns[c] === undefined ? '' : clean(row[columns[c]]));
  const warnings: PointsImportWarning[] = [];
  const points: BridgePointSetup[] = [];
  const byName = new Map<string, BridgePointSetup>();
  const pointIds = new Set<string>();
  const delegateIds = new Set<string>();
  let current: BridgePointSetup | undefined;
  let counted = 0;
  for (let i = header.at + 1; i < rows.length && i <= header.at + MAX_ROWS; i++) {
    const row = rows[i] ?? [];
    const rowNo = i + 1;
    if (row.every((c) => clean(c) === '')) continue;
    counted++;
    let name = cell(row, 'point');
    const delegate = cell(row, 'delegate');
    if (name === '' && !current) { warnings.push({ row: rowNo, message: 'Dòng không có tên điểm cầu: bỏ qua' }); continue; }
    if (name.length > LIMITS.NAME_CHARS) { warnings.push({ row: rowNo, message: `Tên điểm cầu dài hơn ${LIMITS.NAME_CHARS} ký tự: đã cắt bớt` }); name = name.slice(0, LIMITS.NAME_CHARS); }
    if (name !== '') {
      const key = fold(name);
      current = byName.get(key);
      if (!current) {
        if (points.length >= MAX_POINTS) { warnings.push({ row: rowNo, message: `Quá ${MAX_POINTS} điểm cầu: bỏ qua` }); continue; }
        const given = cell(row, 'id');
        const stem = /^[A-Za-z0-9_.:-]{1,48}$/.test(given) ? given : slugId(name);
        const central = isCentral(cell(row, 'kind'), name) && !points.some((p) => p.kind === 'central');
        if (!central && isCentral(cell(row, 'kind'), name)) warnings.push({ row: rowNo, message: 'Chỉ có một điểm cầu Trung ương: điểm cầu này được coi là điểm cầu tỉnh' });
        current = { id: unique(stem, pointIds), name, kind: central ? 'central' : 'provincial', delegates: [] };
        byName.set(key, current);
        points.push(current);
      }
    }
    if (delegate === '' || !current) continue;
    if (current.delegates.length >= MAX_DELEGATES_PER_POINT) { warnings.push({ row: rowNo, message: `Quá ${MAX_DELEGATES_PER_POINT} đại biểu của một điểm cầu: bỏ qua` }); continue; }
    const position = cell(row, 'position').slice(0, LIMITS.NAME_CHARS);
    current.delegates.push({ id: unique(`${current.id}-${current.delegates.length + 1}`, delegateIds), name: delegate.slice(0, LIMITS.NAME_CHARS), position });
  }
  const delegates = points.reduce((n, p) => n + p.delegates.length, 0);
  return { points, warnings, stats: { rows: counted, points: points.length, delegates } };
}

/** A CSV or XLSX list ("Điểm cầu, Đại biểu, Chức vụ", one row per delegate) → bridge points with generated ids. */
export async function importPoints(fileName: string, data: Buffer): Promise<PointsImportResult> {
  if (data.length === 0) return failure('EMPTY_FILE', 'Tệp rỗng');
  if (data.length > MAX_POINTS_FILE_BYTES) return failure('FILE_TOO_LARGE', `Tệp lớn hơn ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB`);
  const rows = await readTable(fileName, data);
  if (!Array.isArray(rows)) return rows;
  const header = findHeader(rows);
  if (!header) return failure('NO_COLUMNS', 'Không thấy dòng tiêu đề có cột “Điểm cầu” (các cột: Điểm cầu, Đại biểu, Chức vụ)');
  const value = collect(rows, header);
  if (value.points.length === 0) return failure('NO_ROWS', 'Danh sách không có điểm cầu nào');
  return { ok: true, value };
}

function sendFailure(res: Response, f: Failure): void {
  sendImportFailure(res, STATUS[f.reason], f.reason, f.message);
}

const receiveFile = singleFileUpload(MAX_POINTS_FILE_BYTES, { fields: 2, parts: 4 }, (res, reason, message) => sendFailure(res, failure(reason, message)));

/** POST /api/points/parse (admin token): multipart field `file` (.csv, .xlsx) → `{points, warnings, stats}`. */
export function pointsImportRouter(deps: { adminToken: string }): Router {
  const router = Router();
  router.post('/api/points/parse', requireAdmin(deps.adminToken), receiveFile, async (req: Request, res: Response) => {
    if (!req.file) return sendFailure(res, failure('NO_FILE', 'Thiếu tệp danh sách (trường "file")'));
    const result = await importPoints(req.file.originalname, req.file.buffer);
    if (!result.ok) return sendFailure(res, result);
    res.status(200).json(result.value);
  });
  return router;
}
