import type { ReportTable } from './tables/reportTable';

/** What a report says of the log it was built from (HC4): how many events, and the last one's chain hash. */
export interface LogSeal {
  events: number;
  headHash: string;
}

/** The sentence the DOCX and the print view end with. */
export function sealSentence(seal: LogSeal): string {
  return `Nhật ký hội nghị gồm ${seal.events} sự kiện; mã băm SHA-256 của sự kiện cuối (chuỗi băm): ${seal.headHash}.`;
}

/** The rows a CSV ends with, after an empty line, and the XLSX's last sheet. */
export function sealRows(seal: LogSeal): Array<[string, string | number]> {
  return [['Số sự kiện của nhật ký', seal.events], ['Mã băm cuối của nhật ký (SHA-256)', seal.headHash]];
}

export function sealTable(seal: LogSeal): ReportTable {
  return { key: 'seal', title: 'Chuỗi băm nhật ký', columns: [{ header: 'Mục', width: 36 }, { header: 'Giá trị', width: 70 }], rows: sealRows(seal) };
}
