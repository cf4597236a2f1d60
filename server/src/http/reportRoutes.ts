import { createHash } from 'node:crypto';
import { NUMBERINGS, reportHeaderOf } from '@diem-cau/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { ReportLinks } from '../access/reportLinks';
import type { ConferenceHub } from '../hub/conferenceHub';
import { reportFileName, contentDisposition } from '../reports/reportFileName';
import { CONTENT_TYPES, REPORT_FORMATS, REPORT_KINDS, renderReport, type ReportFormat, type ReportKind } from '../reports/reportFormats';
import { loadReport } from '../reports/loadReport';
import { requireConferenceAccess } from './auth';
import { EDGE_REASON, edgeRefusal, sendRefusal } from './edge/edgeErrors';
import { invalid, sendError } from './httpErrors';

export interface ReportRouteDeps {
  hub: ConferenceHub;
  access: AccessService;
  adminToken: string;
  reportLinks: ReportLinks;
  /** The link request is a few fields: the small body parser (Q30, Q32). */
  body: RequestHandler;
  /** Server time, for speeches still running; the hub's clock in production. */
  now?: () => number;
  /** Which of these speeches have something recorded (LS3): the minutes link them to the organiser workspace. */
  recordedSpeeches?: (conferenceId: string, speeches: ReadonlyArray<{ id: string; startedAt: number; endedAt?: number }>) => Set<string>;
  publicUrl?: () => string;
}

const FILE = new RegExp(`^(${REPORT_KINDS.join('|')})\\.(${REPORT_FORMATS.join('|')})$`);

/** The options of a report; `token` is not one of them any more (Q41): a report URL carries no credential. */
const OptionsSchema = z.object({
  view: z.string().regex(/^[a-z]{1,20}$/).optional(),
  /** The synthesis in the first draft's numbers (default) or the confirmed revision's (DA15). */
  numbering: z.enum(NUMBERINGS).optional(),
  style: z.enum(['party', 'state']).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
  issuerParent: z.string().trim().min(1).max(200).optional(),
  place: z.string().trim().min(1).max(100).optional(),
});
const LinkRequestSchema = OptionsSchema.extend({ file: z.string().regex(FILE) }).strict();

/** The print view's only script is its button; the policy allows that and nothing else. */
const PRINT_HANDLER_HASH = createHash('sha256').update('window.print()').digest('base64');
const HTML_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-hashes' 'sha256-${PRINT_HANDLER_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

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

/** Builds the report from the log now and sends it; the answers of every way in to a report. */
async function renderAndSend(deps: ReportRouteDeps, res: Response, conferenceId: string, file: string, rawOptions: unknown): Promise<void> {
  const now = deps.now ?? Date.now;
  const parsed = parseFile(file);
  if (!parsed) return sendError(res, { code: 'NOT_FOUND', message: 'Không có báo cáo này (synthesis|minutes).(docx|xlsx|csv|html)' });
  const options = OptionsSchema.safeParse(rawOptions);
  if (!options.success) return sendError(res, invalid(options.error));
  const { view, numbering, ...headerOptions } = options.data;
  const model = await loadReport(deps.hub, conferenceId, parsed.kind, { now: now(), ...(numbering ? { numbering } : {}) });
  if (!model) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
  if (model.kind === 'minutes' && deps.recordedSpeeches) {
    const recorded = deps.recordedSpeeches(conferenceId, model.report.speeches);
    const base = deps.publicUrl?.() ?? '';
    const link = (s: { id: string; recordingUrl?: string }) => {
      // A path, not the workspace's #fragment: Word keeps no fragment in a hyperlink; the hub redirects it there.
      if (recorded.has(s.id)) s.recordingUrl = `${base}/to-chuc/ghi-hinh/${encodeURIComponent(conferenceId)}/${encodeURIComponent(s.id)}`;
    };
    model.report.speeches.forEach(link);
    for (const e of model.report.entries) if (e.kind === 'speech') link(e.speech);
  }
  const header = reportHeaderOf(model.report.conference, headerOptions);
  const body = await renderReport(model, parsed.format, { header, now: new Date(now()), ...(view ? { view } : {}) });
  if (!body) return sendError(res, { code: 'NOT_FOUND', message: `Báo cáo không có bảng "${view ?? ''}"` });
  sendFile(res, body, parsed.kind, parsed.format, conferenceId);
}

/**
 * Reports: `GET /api/conferences/:id/reports/{synthesis,minutes}.{docx,xlsx,csv,html}` with the session or
 * admin token in the Authorization header (API clients); for browsers, `POST …/report-links` with that
 * header gives a single-use `/api/report-links/:id` the browser follows once within a minute (Q41).
 */
export function reportRouter(deps: ReportRouteDeps): Router {
  const router = Router();
  const allowed = requireConferenceAccess(deps.access, deps.adminToken);
  router.get('/api/conferences/:id/reports/:file', allowed, async (req: Request, res: Response) => {
    await renderAndSend(deps, res, String(req.params.id), String(req.params.file), req.query);
  });
  router.post('/api/conferences/:id/report-links', allowed, deps.body, async (req: Request, res: Response) => {
    const body = LinkRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const { file, ...options } = body.data;
    const link = await deps.reportLinks.issue(String(req.params.id), file, options);
    res.status(201).setHeader('Cache-Control', 'no-store').json({ url: `/api/report-links/${link.id}`, expiresAt: link.expiresAt });
  });
  router.get('/api/report-links/:id', async (req: Request, res: Response) => {
    const link = await deps.reportLinks.redeem(String(req.params.id));
    if (!link) return sendRefusal(res, edgeRefusal(404, 'NOT_FOUND', EDGE_REASON.LINK_USED_OR_EXPIRED, 'Liên kết tải báo cáo đã được dùng hoặc đã hết hạn: hãy tải lại từ bảng điều khiển'));
    await renderAndSend(deps, res, link.conferenceId, link.file, link.options);
  });
  return router;
}
