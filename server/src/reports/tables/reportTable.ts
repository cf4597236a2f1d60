/** One tabular view of a report: a CSV file, or one sheet of the XLSX workbook. */
export type Cell = string | number;

export interface ReportColumn {
  header: string;
  /** Width in characters, for the spreadsheet. */
  width: number;
  /** Long text: wrapped in the spreadsheet. */
  wrap?: boolean;
}

export interface ReportTable {
  /** Stable, ASCII: the `?view=` of a CSV download. */
  key: string;
  /** The sheet name: at most 31 characters, none of : \ / ? * [ ]. */
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
}

export const col = (header: string, width: number, wrap = false): ReportColumn => (wrap ? { header, width, wrap } : { header, width });
