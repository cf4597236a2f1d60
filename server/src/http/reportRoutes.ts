import { createHash } from 'node:crypto';
import { reportHeaderOf } from '@diem-cau/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { ConferenceHub } from '../hub/conferenceHub';
import { reportFileName, contentDisposition } from '../reports/reportFileName';
import { CONTENT_TYPES, REPORT_FORMATS, REPORT_KINDS, renderReport, type ReportFormat, type ReportKind } from '../reports/reportFormats';
import { loadReport } from '../reports/loadReport';
import { sessionOrAdmin } from './auth';
import { invalid, sendError } from './httpErrors';

export interface ReportRouteDeps {
  hub: ConferenceHub;
  access: AccessService;
  adminToken: string;
  /** Server time, for speeches still running; the hub's clock in production. */
  now?: () => number;
}

const FILE = new RegExp(`^(${REPORT_KINDS.join('|')})\\.(${REPORT_FORMATS.join('|')})$`);

const QuerySchema = z.object({
  token: z.string().max(200).optional(),
  view: z.string().regex(/^[a-z]{1,20}$/).optional(),
  style: z.enum(['party', 'state']).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
  issuerParent: z.string().trim().min(1).max(200).optional(),
  place: z.string().trim().min(1).max(100).optional(),
});

/** The print view's only script is its button; the policy allows that and nothing else. */
const PRINT_HANDLER_HASH = createHash('sha256').update('window.print()').digest('base64');
const HTML_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-hashes' 'sha256-${PRINT_HANDLER_HASH}'; base-uri 'none'; form-action 'none'`;

function parseFile(file: string): { kind: ReportKind; format: ReportFormat } | undefined {
  const m = FILE.exec(file);
  return m ? { kind: m[1] as ReportKind, format: m[2] as ReportFormat } : undefined;
}

function sendFile(res: Response, body: Buffer, kind: ReportKind, format: ReportFormat, conferenceId: string): void {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', contentDisposition(reportFileName(kind, format, conferenceId), format === 'html' ? 'inline' : 'attachment'));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (format === 'html') res.setHeader('Content-Security-Policy', HTML_CSP);
  res.status(200).end(body);
}

/** GET /api/conferences/:id/reports/{synthesis,minutes}.{docx,xlsx,csv,html} — a session of that conference or the admin token. */
export function reportRouter(deps: ReportRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  router.get('/api/conferences/:id/reports/:file', async (req: Request, res: Response) => {
    const who = await sessionOrAdmin(req, deps.access, deps.adminToken);
    if (!who) return sendError(res, { code: 'UNAUTHORIZED', message: 'Cần phiên của hội nghị này' });
    const file = parseFile(String(req.params.file));
    if (!file) return sendError(res, { code: 'NOT_FOUND', message: 'Không có báo cáo này (synthesis|minutes).(docx|xlsx|csv|html)' });
    const query = QuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalid(query.error));
    const conferenceId = String(req.params.id);
    const model = await loadReport(deps.hub, conferenceId, file.kind, { now: now() });
    if (!model) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    const { token: _token, view, ...headerOptions } = query.data;
    const header = reportHeaderOf(model.report.conference, headerOptions);
    const body = await renderReport(model, file.format, { header, now: new Date(now()), ...(view ? { view } : {}) });
    if (!body) return sendError(res, { code: 'NOT_FOUND', message: `Báo cáo không có bảng "${view ?? ''}"` });
    sendFile(res, body, file.kind, file.format, conferenceId);
  });
  return router;
}
