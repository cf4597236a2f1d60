export const REPORT_KINDS = ['synthesis', 'minutes'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FILE_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FILE_FORMATS)[number] | 'html';

/**
 * GET /api/conferences/:id/reports/{kind}.{format}?token=… — the token rides in the query because
 * a plain link (which the browser saves as a file) cannot carry an Authorization header.
 */
export function reportUrl(conferenceId: string, kind: ReportKind, format: ReportFormat, token: string): string {
  return `/api/conferences/${encodeURIComponent(conferenceId)}/reports/${kind}.${format}?token=${encodeURIComponent(token)}`;
}
