import { randomUUID } from 'node:crypto';
import { ConferenceSetupSchema, IdSchema, RoleSchema, commentTally, listOf, type ConferenceState } from '@diem-cau/shared';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import type { ConferenceHub } from '../hub/conferenceHub';
import type { JoinCode } from '../store/accessStore';
import { describeCodes } from './api';
import { requireAdmin } from './auth';
import type { Bodies } from './edge/installEdge';
import { invalid, sendError } from './httpErrors';
import { roomOrNotFound } from './roomOrNotFound';

interface Deps { hub: ConferenceHub; access: AccessService; adminToken: string; publicUrl: () => string; bodies: Bodies }

/** The organiser's workspace acts through the admin token: its commands are stamped with this actor. */
export const ORGANISER = { role: 'organiser' as const, sessionId: 'organiser-http', label: 'Ban tổ chức' };
const ReissueBody = z.object({ role: RoleSchema, pointId: IdSchema.optional(), revokePrevious: z.boolean().default(false) });

function commentCounts(state: ConferenceState) {
  const { counted, retracted, merged } = commentTally(state);
  return { comments: counted, commentsRetracted: retracted, commentsMerged: merged };
}

function summaryOf(state: ConferenceState) {
  return {
    id: state.id, title: state.title, status: state.status, archived: state.archived, seq: state.seq,
    scheduledAt: state.scheduledAt ?? null, venue: state.venue ?? null, timeZone: state.timeZone,
    points: state.points.ids.length, articles: state.draft.chapters.reduce((n, c) => n + c.articles.length + c.sections.reduce((m, s) => m + s.articles.length, 0), state.draft.articles.length),
    // C9: the comments that count; the retracted and merged ones apart, shown as such.
    ...commentCounts(state), startedAt: state.startedAt ?? null, endedAt: state.endedAt ?? null,
  };
}

/** Points added by a new setup get their codes here. */
const ensureCodes = (access: AccessService, state: ConferenceState): Promise<JoinCode[]> => access.issueJoinCodes(state.id, { points: [...listOf(state.points)] });

/** The organisers' workspace API: list, edit before the start, join codes, organiser sessions. Admin token. */
export function organiserRouter(deps: Deps): Router {
  const router = Router();
  const admin = requireAdmin(deps.adminToken);
  const withRoom = (id: string, res: Response) => roomOrNotFound(deps.hub, id, res);

  router.get('/api/conferences', admin, async (_req, res) => {
    const rooms = await Promise.all((await deps.hub.conferenceIds()).map((id) => deps.hub.room(id)));
    res.json({ conferences: rooms.filter((r) => r !== undefined).map((r) => summaryOf(r.state)) });
  });

  router.put('/api/conferences/:id', admin, deps.bodies.large, async (req, res) => {
    const body = ConferenceSetupSchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const command = { type: 'conference.configure', commandId: randomUUID(), conferenceId: req.params.id, setup: body.data };
    const outcome = await deps.hub.execute(String(req.params.id), command, ORGANISER);
    if (!outcome.ok) return sendError(res, outcome.error);
    const room = await withRoom(String(req.params.id), res);
    if (!room) return;
    const codes = await ensureCodes(deps.access, room.state);
    res.json({ conference: summaryOf(room.state), joinCodes: describeCodes(codes, deps.publicUrl()) });
  });

  router.get('/api/conferences/:id/join-codes', admin, async (req, res) => {
    const room = await withRoom(String(req.params.id), res);
    if (!room) return;
    res.json({ joinCodes: describeCodes(await ensureCodes(deps.access, room.state), deps.publicUrl()) });
  });

  router.post('/api/conferences/:id/join-codes', admin, deps.bodies.small, async (req, res) => {
    const body = ReissueBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const room = await withRoom(String(req.params.id), res);
    if (!room) return;
    const { role, pointId, revokePrevious } = body.data;
    const point = pointId === undefined ? undefined : room.state.points.get(pointId);
    if (pointId !== undefined && !point) return sendError(res, { code: 'NOT_FOUND', message: `Không có điểm cầu ${pointId}` });
    if (role === 'point' && !point) return sendError(res, { code: 'INVALID', message: 'Mã của điểm cầu cần pointId' });
    if (revokePrevious) {
      const old = (await deps.access.listJoinCodes(room.id)).filter((c) => !c.revoked && c.role === role && c.pointId === pointId);
      for (const c of old) await deps.access.revoke(c.code);
    }
    const code = await deps.access.reissue(room.id, role, pointId, point?.name ?? role);
    res.status(201).json({ joinCode: describeCodes([code], deps.publicUrl())[0] });
  });

  router.delete('/api/conferences/:id/join-codes/:code', admin, async (req, res) => {
    const codes = await deps.access.listJoinCodes(String(req.params.id));
    const found = codes.find((c) => c.code === req.params.code);
    if (!found) return sendError(res, { code: 'NOT_FOUND', message: 'Không có mã này' });
    if (!(await deps.access.revoke(found.code))) return sendError(res, { code: 'CONFLICT', message: 'Mã đã bị thu hồi' });
    res.json({ revoked: found.code });
  });

  /** A session for the organiser's browser, so it can use the socket and download reports. */
  router.post('/api/conferences/:id/organiser-session', admin, async (req, res) => {
    const room = await withRoom(String(req.params.id), res);
    if (!room) return;
    const organiserCode = (await ensureCodes(deps.access, room.state)).find((c) => c.role === 'organiser' && !c.revoked);
    const exchanged = organiserCode ? await deps.access.exchange(organiserCode.code) : undefined;
    if (!exchanged) return sendError(res, { code: 'UNAVAILABLE', message: 'Không tạo được phiên ban tổ chức' });
    res.status(201).json({ token: exchanged.token, role: 'organiser', conferenceId: room.id, label: exchanged.session.label, expiresAt: exchanged.session.expiresAt });
  });

  return router;
}
