import { POSITION_TABLE_HEADERS, positionTableRows, type ConsultationSynthesis } from '@diem-cau/shared';
import { col, type ReportTable } from './reportTable';

const POSITION_WIDTHS = [16, 24, 22, 14, 40, 11, 30, 40] as const;

/** Points' positions (PO), only when there were consultations: the synthesis's sheet and the minutes' alike. */
export function positionsTable(consultations: readonly ConsultationSynthesis[], title: string): ReportTable[] {
  if (consultations.length === 0) return [];
  return [{ key: 'positions', title, columns: POSITION_TABLE_HEADERS.map((h, i) => col(h, POSITION_WIDTHS[i] ?? 14, i === 4 || i === 7)), rows: positionTableRows(consultations) }];
}
