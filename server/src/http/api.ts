import { randomUUID } from 'node:crypto';
import { ConferenceSetupSchema, IdSchema, SYSTEM_ACTOR } from '@diem-cau/shared';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { ReportLinks } from '../access/reportLinks';
import type { JoinCode } from '../store/accessStore';
import type { ImportRunner } from '../imports/importRunner';
import type { ConferenceHub } from '../hub/conferenceHub';
import { requireAdmin, requireConferenceAccess } from './auth';
import { draftRouter } from './draftRoutes';
import { revisionRouter } from './revisionRoutes';
import type { EdgeSettings } from './edge/edgeSettings';
import { edgeErrorHandler } from './edge/errorHandler';
import { installEdge } from './edge/installEdge';
import type { OriginPolicy } from './edge/originCheck';
import { organiserRouter } from './organiserRoutes';
import { pointsImportRouter } from './pointsImportRoutes';
import { reportRouter } from './reportRoutes';
import { auditRouter } from './auditRoutes';
import { archiveRouter } from '../archive/archiveRoutes';
import { sessionNameRouter } from './sessionNameRoutes';
import { invalid, sendError } from './httpErrors';

export interface ApiDeps {
  hub: ConferenceHub;
  access: AccessService;
  logger: Logger;
  adminToken: string;
  publicUrl: () => string;
  /** Limits of the HTTP edge (bodies, guessing, proxies, links), Q30–Q49. */
  edge: EdgeSettings;
  origins: OriginPolicy;
  reportLinks: ReportLinks;
  now: () => number;
  /** Where uploaded drafts and points lists are parsed (the hub's worker pool). */
  imports?: ImportRunner;
  /** Where a conference's recordings are, for its archive (AR1). */
  recordingsDirOf?: (conferenceId: string) => string;
  /** Further routers mounted before the API's 404 (the livestream and recordings, issue 13). */
  routers?: Router[];
  /** Which speeches have a recording, for the minutes' links (issue 13, LS3). */
  recordedSpeeches?: (conferenceId: string, speeches: ReadonlyArray<{ id: string; startedAt: number; endedAt?: number }>) => Set<string>;
}

const CreateBody = ConferenceSetupSchema.and(z.object({ id: IdSchema.optional() }));
const SessionBody = z.object({ code: z.string().min(4).max(40) });

export function joinLink(base: string, code: string): string {
  return `${base}/join/${encodeURIComponent(code)}`;
}

/** A view-only code opens the viewer page (issue 13), the code in the fragment so no server log keeps it. */
export function viewerLink(base: string, code: string): string {
  return `${base}/xem#code=${encodeURIComponent(code)}`;
}

export function describeCodes(codes: JoinCode[], base: string) {
  return codes.map((c) => ({ code: c.code, role: c.role, label: c.label, link: c.role === 'viewer' ? viewerLink(base, c.code) : joinLink(base, c.code), ...(c.pointId ? { pointId: c.pointId } : {}), revoked: c.revoked }));
}

export function createApi(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No body parser here: each route reads its body after its own authentication (Q30, Q31).
  const { bodies, guards } = installEdge(app, deps);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.post('/api/conferences', requireAdmin(deps.adminToken), bodies.large, async (req, res) => {
    const body = CreateBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const { id, ...setup } = body.data;
    const conferenceId = id ?? `hn-${randomUUID().slice(0, 8)}`;
    const created = await deps.hub.create(conferenceId, setup, { ...SYSTEM_ACTOR, role: 'organiser', label: 'Ban tổ chức' }, randomUUID());
    if (!created.ok) return sendError(res, created.error);
    const codes = await deps.access.issueJoinCodes(conferenceId, setup);
    res.status(201).json({ conferenceId, seq: created.seq, joinCodes: describeCodes(codes, deps.publicUrl()) });
  });

  // A waiting guesser is refused before its body is read (Q34); a wrong code counts against its address.
  app.post('/api/sessions', guards.joinCodes.middleware, bodies.small, async (req, res) => {
    const body = SessionBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const exchanged = await deps.access.exchange(body.data.code);
    if (!exchanged) {
      guards.joinCodes.failed(req);
      return sendError(res, { code: 'NOT_FOUND', message: 'Mã tham gia không đúng hoặc đã bị thu hồi' });
    }
    const { token, session } = exchanged;
    res.status(201).json({ token, role: session.role, conferenceId: session.conferenceId, label: session.label, expiresAt: session.expiresAt, ...(session.pointId ? { pointId: session.pointId } : {}) });
  });

  app.get('/api/conferences/:id/state', requireConferenceAccess(deps.access, deps.adminToken), async (req, res) => {
    const room = await deps.hub.room(String(req.params.id));
    if (!room) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    await room.catchUp();
    res.json({ seq: room.state.seq, state: room.state });
  });

  app.use(organiserRouter({ ...deps, bodies }));
  app.use(reportRouter({ ...deps, body: bodies.small }));
  app.use(draftRouter(deps));
  app.use(revisionRouter({ ...deps, bodies }));
  app.use(auditRouter({ ...deps, body: bodies.small }));
  app.use(archiveRouter({ ...deps, body: bodies.small }));
  app.use(sessionNameRouter({ ...deps, body: bodies.small }));
  app.use(pointsImportRouter(deps));
  for (const router of deps.routers ?? []) app.use(router);
  app.use('/api', (_req, res) => sendError(res, { code: 'NOT_FOUND', message: 'Không có API này' }));
  app.use(edgeErrorHandler(deps.logger));
  return app;
}
