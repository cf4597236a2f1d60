import { AuditFilterSchema, filterAudit, refuse, type AuditFilter } from '@diem-cau/shared';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { ReportLinks } from '../access/reportLinks';
import type { ConferenceHub } from '../hub/conferenceHub';
import { auditCsv, auditFileName } from '../reports/audit/auditCsv';
import { loadAudit } from '../reports/audit/loadAudit';
import { contentDisposition } from '../reports/reportFileName';
import { callerOf, requireConferenceAccess } from './auth';
import { EDGE_REASON, edgeRefusal, sendRefusal } from './edge/edgeErrors';
import { invalid, sendError } from './httpErrors';

export interface AuditRouteDeps {
  hub: ConferenceHub;
  access: AccessService;
  adminToken: string;
  /** The single-use links the report downloads use (Q41): the CSV link is one of them. */
  reportLinks: ReportLinks;
  /** The small JSON body parser, mounted after the permission check. */
  body: RequestHandler;
}

/** What a stored link renders; report links name their report file the same way. */
const AUDIT_FILE = 'audit.csv';
const JsonQuerySchema = z.object({ sinceSeq: z.coerce.number().int().min(0).optional() });
const LinkBodySchema = AuditFilterSchema.strict();

/** H9: the chair's session of the conference, or the admin token; any other session may not read who did what. */
function chairOrAdmin(_req: Request, res: Response, next: NextFunction): void {
  const caller = callerOf(res);
  if (caller === 'admin' || caller.role === 'chair') return next();
  sendError(res, refuse('AUDIT_CHAIR_ONLY').error);
}

async function sendCsv(deps: AuditRouteDeps, res: Response, conferenceId: string, filter: AuditFilter): Promise<void> {
  const audit = await loadAudit(deps.hub, conferenceId);
  if (!audit) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', contentDisposition(auditFileName(conferenceId)));
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).end(auditCsv(filterAudit(audit.rows, filter)));
}

/**
 * The audit trail (H8–H10): `GET /api/conferences/:id/audit?sinceSeq=` (JSON rows after a seq),
 * `GET …/audit.csv?area=&point=&order=` (API clients, token in the header), and for browsers
 * `POST …/audit-links` giving a single-use `/api/audit-links/:id` for the CSV, as report downloads do.
 */
export function auditRouter(deps: AuditRouteDeps): Router {
  const router = Router();
  const allowed = [requireConferenceAccess(deps.access, deps.adminToken), chairOrAdmin];
  router.get('/api/conferences/:id/audit', ...allowed, async (req: Request, res: Response) => {
    const query = JsonQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalid(query.error));
    const audit = await loadAudit(deps.hub, String(req.params.id), query.data.sinceSeq);
    if (!audit) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    res.setHeader('Cache-Control', 'no-store').json(audit);
  });
  router.get('/api/conferences/:id/audit.csv', ...allowed, async (req: Request, res: Response) => {
    const filter = AuditFilterSchema.safeParse(req.query);
    if (!filter.success) return sendError(res, invalid(filter.error));
    await sendCsv(deps, res, String(req.params.id), filter.data);
  });
  router.post('/api/conferences/:id/audit-links', ...allowed, deps.body, async (req: Request, res: Response) => {
    const body = LinkBodySchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, invalid(body.error));
    const link = await deps.reportLinks.issue(String(req.params.id), AUDIT_FILE, { ...body.data });
    res.status(201).setHeader('Cache-Control', 'no-store').json({ url: `/api/audit-links/${link.id}`, expiresAt: link.expiresAt });
  });
  router.get('/api/audit-links/:id', async (req: Request, res: Response) => {
    const link = await deps.reportLinks.redeem(String(req.params.id));
    const filter = link?.file === AUDIT_FILE ? AuditFilterSchema.safeParse(link.options) : undefined;
    if (!link || !filter?.success) return sendRefusal(res, edgeRefusal(404, 'NOT_FOUND', EDGE_REASON.LINK_USED_OR_EXPIRED, 'Liên kết tải nhật ký đã được dùng hoặc đã hết hạn: hãy tải lại từ bảng điều khiển'));
    await sendCsv(deps, res, link.conferenceId, filter.data);
  });
  return router;
}
