import { randomUUID } from 'node:crypto';
import { ConferenceSetupSchema, IdSchema, SYSTEM_ACTOR } from '@diem-cau/shared';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { JoinCode } from '../store/accessStore';
import type { ImportRunner } from '../imports/importRunner';
import type { ConferenceHub } from '../hub/conferenceHub';
import { requireAdmin, sessionOrAdmin } from './auth';
import { draftRouter } from './draftRoutes';
import { organiserRouter } from './organiserRoutes';
import { pointsImportRouter } from './pointsImportRoutes';
import { reportRouter } from './reportRoutes';
import { invalid, sendError } from './httpErrors';

export interface ApiDeps {
  hub: ConferenceHub;
  access: AccessService;
  logger: Logger;
  adminToken: string;
  publicUrl: () => string;
  /** Where uploaded drafts and points lists are parsed (the hub's worker pool). */
  imports?: ImportRunner;
}

const CreateBody = ConferenceSetupSchema.and(z.object({ id: IdSchema.optional() }));
const SessionBody = z.object({ code: z.string().min(4).max(40) });

export function joinLink(base: string, code: string): string {
  return `${base}/join/${encodeURIComponent(code)}`;
}

export function describeCodes(codes: JoinCode[], base: string) {
  return codes.map((c) => ({ code: c.code, role: c.role, label: c.label, link: joinLink(base, c.code), ...(c.pointId ? { pointId: c.pointId } : {}), revoked: c.revoked }));
}

export function createApi(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '4mb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.post('/api/conferences', requireAdmin(deps.adminToken), async (req, res) => {
    const body = CreateBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const { id, ...setup } = body.data;
    const conferenceId = id ?? `hn-${randomUUID().slice(0, 8)}`;
    const created = await deps.hub.create(conferenceId, setup, { ...SYSTEM_ACTOR, role: 'organiser', label: 'Ban tổ chức' }, randomUUID());
    if (!created.ok) return sendError(res, created.error);
    const codes = await deps.access.issueJoinCodes(conferenceId, setup);
    res.status(201).json({ conferenceId, seq: created.seq, joinCodes: describeCodes(codes, deps.publicUrl()) });
  });

  app.post('/api/sessions', async (req, res) => {
    const body = SessionBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const exchanged = await deps.access.exchange(body.data.code);
    if (!exchanged) return sendError(res, { code: 'NOT_FOUND', message: 'Mã tham gia không đúng hoặc đã bị thu hồi' });
    const { token, session } = exchanged;
    res.status(201).json({ token, role: session.role, conferenceId: session.conferenceId, label: session.label, expiresAt: session.expiresAt, ...(session.pointId ? { pointId: session.pointId } : {}) });
  });

  app.get('/api/conferences/:id/state', async (req, res) => {
    const who = await sessionOrAdmin(req, deps.access, deps.adminToken);
    if (!who) return sendError(res, { code: 'UNAUTHORIZED', message: 'Cần phiên của hội nghị này' });
    const room = await deps.hub.room(String(req.params.id));
    if (!room) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    await room.catchUp();
    res.json({ seq: room.state.seq, state: room.state });
  });

  app.use(organiserRouter(deps));
  app.use(reportRouter(deps));
  app.use(draftRouter(deps));
  app.use(pointsImportRouter(deps));
  app.use('/api', (_req, res) => sendError(res, { code: 'NOT_FOUND', message: 'Không có API này' }));
  app.use((err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.parse.failed') return sendError(res, { code: 'INVALID', message: 'JSON không hợp lệ' });
    if (err.type === 'entity.too.large') return sendError(res, { code: 'INVALID', message: 'Nội dung quá lớn' });
    deps.logger.error({ err }, 'http error');
    sendError(res, { code: 'UNAVAILABLE', message: 'Lỗi máy chủ' });
  });
  return app;
}
