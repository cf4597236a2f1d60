import type { MinutesReport, ReportHeader, SynthesisReport } from '@diem-cau/shared';
import { toCsv } from './csv/toCsv';
import { minutesDocx } from './docx/minutesDocx';
import { synthesisDocx } from './docx/synthesisDocx';
import { minutesHtml } from './html/minutesHtml';
import { synthesisHtml } from './html/synthesisHtml';
import { minutesTables } from './tables/minutesTables';
import type { ReportTable } from './tables/reportTable';
import { synthesisTables } from './tables/synthesisTables';
import { toXlsx } from './xlsx/toXlsx';
import { sealTable, type LogSeal } from './logSeal';

export const REPORT_KINDS = ['synthesis', 'minutes'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['docx', 'xlsx', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** `seal`: the log the report was built from (HC4), printed in every format. */
export type ReportModel = ({ kind: 'synthesis'; report: SynthesisReport } | { kind: 'minutes'; report: MinutesReport }) & { seal?: LogSeal };

export interface RenderOptions {
  header: ReportHeader;
  /** The table a CSV holds (`ReportTable.key`); the first one when absent. */
  view?: string;
  /** Stamped into the XLSX properties. */
  now: Date;
}

export function tablesOf(model: ReportModel): ReportTable[] {
  return model.kind === 'synthesis' ? synthesisTables(model.report) : minutesTables(model.report);
}

/** The CSV view named `key`, or undefined when the report has none by that name. */
export function csvTable(model: ReportModel, key: string | undefined): ReportTable | undefined {
  const tables = tablesOf(model);
  return key === undefined ? tables[0] : tables.find((t) => t.key === key);
}

export async function renderReport(model: ReportModel, format: ReportFormat, o: RenderOptions): Promise<Buffer | undefined> {
  const title = model.kind === 'synthesis' ? 'Báo cáo tổng hợp ý kiến' : 'Biên bản hội nghị';
  switch (format) {
    case 'docx':
      return model.kind === 'synthesis' ? synthesisDocx(model.report, o.header, model.seal) : minutesDocx(model.report, o.header, model.seal);
    case 'html':
      return Buffer.from(model.kind === 'synthesis' ? synthesisHtml(model.report, o.header, model.seal) : minutesHtml(model.report, o.header, model.seal), 'utf8');
    case 'xlsx':
      return toXlsx(model.seal ? [...tablesOf(model), sealTable(model.seal)] : tablesOf(model), { title: `${title} – ${model.report.conference.title}`, subject: model.report.conference.draftTitle, created: o.now });
    case 'csv': {
      const table = csvTable(model, o.view);
      return table ? toCsv(table, model.seal) : undefined;
    }
  }
}
