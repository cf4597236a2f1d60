import { LIMITS, foldDiacritics, nfc, type BridgePointSetup } from '@diem-cau/shared';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../imports/parseLimits';
import { MAX_POINTS_FILE_BYTES, failure, type PointsImportFailure } from './pointsImportErrors';
import { HEADER_SEARCH_ROWS, MAX_TABLE_ROWS, readTable } from './pointsTable';

const MAX_POINTS = 500;
const MAX_DELEGATES_PER_POINT = 200;
const ID_STEM_CHARS = 48;

export interface PointsImportWarning { row: number; message: string }
export interface PointsImport {
  points: BridgePointSetup[];
  warnings: PointsImportWarning[];
  stats: { rows: number; points: number; delegates: number };
}
export type PointsImportResult = { ok: true; value: PointsImport } | PointsImportFailure;

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
  for (let i = header.at + 1; i < rows.length && i <= header.at + MAX_TABLE_ROWS; i++) {
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
export async function importPoints(fileName: string, data: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<PointsImportResult> {
  if (data.length === 0) return failure('EMPTY_FILE', 'Tệp rỗng');
  if (data.length > MAX_POINTS_FILE_BYTES) return failure('FILE_TOO_LARGE', `Tệp lớn hơn ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB`);
  const rows = await readTable(fileName, data, limits);
  if (!Array.isArray(rows)) return rows;
  const header = findHeader(rows);
  if (!header) return failure('NO_COLUMNS', 'Không thấy dòng tiêu đề có cột “Điểm cầu” (các cột: Điểm cầu, Đại biểu, Chức vụ)');
  const value = collect(rows, header);
  if (value.points.length === 0) return failure('NO_ROWS', 'Danh sách không có điểm cầu nào');
  return { ok: true, value };
}
