import { AUDIT_AREA_LABELS, type AuditRow } from '@diem-cau/shared';
import { toCsv } from '../csv/toCsv';
import { col, type ReportTable } from '../tables/reportTable';

/** "Nhật ký thao tác - hn-dang-doan-2023.csv" */
export const auditFileName = (conferenceId: string) => `Nhật ký thao tác - ${conferenceId}.csv`;

/** The rows the audit view shows, one column per fact, in Vietnamese (H10). */
export function auditTable(rows: readonly AuditRow[]): ReportTable {
  return {
    key: 'audit',
    title: 'Nhật ký thao tác',
    columns: [
      col('STT', 6), col('Thời gian', 20), col('Vai trò', 12), col('Điểm cầu thực hiện', 24), col('Người thực hiện', 22),
      col('Loại', 12), col('Nội dung', 80, true), col('Điểm cầu liên quan', 24),
    ],
    rows: rows.map((r) => [r.seq, r.time, r.who.roleLabel, r.who.point ?? '', r.who.name ?? '', AUDIT_AREA_LABELS[r.area], r.text, r.point ?? '']),
  };
}

/** UTF-8 with BOM, formulas neutralised, fields quoted as the project's CSV writer does for every report. */
export function auditCsv(rows: readonly AuditRow[]): Buffer {
  return toCsv(auditTable(rows));
}
