import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { ReportLinks } from '../access/reportLinks';
import type { ConferenceHub } from '../hub/conferenceHub';
import { requireAdmin } from '../http/auth';
import { EDGE_REASON, edgeRefusal, sendRefusal } from '../http/edge/edgeErrors';
import { invalid, sendError } from '../http/httpErrors';
import { contentDisposition } from '../reports/reportFileName';
import { buildArchive, writeArchive } from './buildArchive';

export interface ArchiveRouteDeps {
  hub: ConferenceHub;
  adminToken: string;
  reportLinks: ReportLinks;
  /** The small JSON body parser (Q30, Q32). */
  body: RequestHandler;
  now: () => number;
  /** Where a conference's recordings are, when the hub keeps any (issue 13); none archived without it. */
  recordingsDirOf?: (conferenceId: string) => string;
}

/** The link's file name in the access store: report links and audit links never redeem it, nor it them. */
const ARCHIVE_FILE = 'archive.tar';
/** Nothing to choose yet: an empty object, anything else INVALID. */
const LinkBodySchema = z.object({}).strict();

/** Builds the archive from the log now and streams it as one tar (AR1). */
async function sendArchive(deps: ArchiveRouteDeps, res: Response, conferenceId: string): Promise<void> {
  const now = deps.now();
  const recordingsDir = deps.recordingsDirOf?.(conferenceId);
  const archive = await buildArchive(deps.hub, conferenceId, { now, offThread: true, ...(recordingsDir ? { recordingsDir } : {}) });
  if (!archive) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
  res.status(200);
  res.setHeader('Content-Type', 'application/x-tar');
  res.setHeader('Content-Disposition', contentDisposition(`Lưu trữ hội nghị - ${conferenceId}.tar`));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // A download cancelled midway is no error of the hub's: the archive is simply not sent further.
  await writeArchive(res, archive, now).then(() => res.end(), () => res.destroy());
}

/**
 * AR3: the conference archive for the organisers, once the conference has ended. `POST
 * /api/conferences/:id/archive-links` (admin token) gives a single-use `/api/archive-links/:id` the browser
 * follows once, within the report links' lifetime (Q41); `GET /api/conferences/:id/archive.tar` serves API clients.
 */
export function archiveRouter(deps: ArchiveRouteDeps): Router {
  const router = Router();
  const admin = requireAdmin(deps.adminToken);
  /** Whether the conference has ended; when not (or unknown), the refusal is sent here. */
  const ended = async (res: Response, conferenceId: string): Promise<boolean> => {
    const room = await deps.hub.room(conferenceId);
    if (room) await room.catchUp();
    if (room?.state.status === 'ended') return true;
    sendError(res, room ? { code: 'CONFLICT', message: 'Chỉ lập hồ sơ lưu trữ khi hội nghị đã kết thúc' } : { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    return false;
  };
  router.post('/api/conferences/:id/archive-links', admin, deps.body, async (req: Request, res: Response) => {
    const body = LinkBodySchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, invalid(body.error));
    const conferenceId = String(req.params.id);
    if (!(await ended(res, conferenceId))) return;
    const link = await deps.reportLinks.issue(conferenceId, ARCHIVE_FILE, {});
    res.status(201).setHeader('Cache-Control', 'no-store').json({ url: `/api/archive-links/${link.id}`, expiresAt: link.expiresAt });
  });
  router.get('/api/conferences/:id/archive.tar', admin, async (req: Request, res: Response) => {
    const conferenceId = String(req.params.id);
    if (await ended(res, conferenceId)) await sendArchive(deps, res, conferenceId);
  });
  router.get('/api/archive-links/:id', async (req: Request, res: Response) => {
    const link = await deps.reportLinks.redeem(String(req.params.id));
    if (link?.file !== ARCHIVE_FILE) return sendRefusal(res, edgeRefusal(404, 'NOT_FOUND', EDGE_REASON.LINK_USED_OR_EXPIRED, 'Liên kết tải hồ sơ lưu trữ đã được dùng hoặc đã hết hạn: hãy tải lại từ trang Ban Tổ chức'));
    await sendArchive(deps, res, link.conferenceId);
  });
  return router;
}
