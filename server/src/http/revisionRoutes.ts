import { randomUUID } from 'node:crypto';
import { CommandIdSchema, DraftAlignmentSchema, DraftSchema } from '@diem-cau/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { ConferenceHub } from '../hub/conferenceHub';
import { inProcessImports, type ImportRunner } from '../imports/importRunner';
import { requireAdmin } from './auth';
import { DraftFieldsSchema, receiveDraftFile, sendImportError } from './draftRoutes';
import type { Bodies } from './edge/installEdge';
import { sendImportJson } from './fileUpload';
import { invalid, sendError } from './httpErrors';
import { ORGANISER } from './organiserRoutes';
import { roomOrNotFound } from './roomOrNotFound';

export interface RevisionRouteDeps {
  hub: ConferenceHub;
  adminToken: string;
  bodies: Bodies;
  imports?: ImportRunner;
}

/** The confirmation: the revision and its mapping as corrected; a commandId makes a retry apply once. */
const ConfirmBody = z.object({ draft: DraftSchema, alignment: DraftAlignmentSchema, commandId: CommandIdSchema.optional() }).strict();

/**
 * The revised draft (dự thảo lần 2), admin token:
 * POST /api/conferences/:id/draft-revision/parse — multipart `file` (and `title`) as /api/drafts/parse, answered with
 * the parse and `alignment`, the proposed mapping from the conference's draft (DA16); nothing is stored.
 * PUT /api/conferences/:id/draft-revision — {draft, alignment}: `draft.confirmRevision` for the organiser (DA13).
 */
export function revisionRouter(deps: RevisionRouteDeps): Router {
  const imports = deps.imports ?? inProcessImports();
  const router = Router();
  const admin = requireAdmin(deps.adminToken);

  router.post('/api/conferences/:id/draft-revision/parse', admin, receiveDraftFile, async (req, res) => {
    const file = req.file;
    if (!file) return sendImportError(res, { reason: 'NO_FILE', message: 'Thiếu tệp dự thảo (trường "file")' });
    const fields = DraftFieldsSchema.safeParse(req.body ?? {});
    if (!fields.success) return sendError(res, invalid(fields.error));
    const room = await roomOrNotFound(deps.hub, String(req.params.id), res);
    if (!room) return;
    const { title } = fields.data;
    const result = await imports.revision({ fileName: file.originalname, data: file.buffer, ...(title ? { title } : {}) }, room.state.draft);
    if (!result.ok) return sendImportError(res, result.error);
    sendImportJson(res, result.json);
  });

  router.put('/api/conferences/:id/draft-revision', admin, deps.bodies.large, async (req, res) => {
    const body = ConfirmBody.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const conferenceId = String(req.params.id);
    const { commandId = randomUUID(), draft, alignment } = body.data;
    const outcome = await deps.hub.execute(conferenceId, { type: 'draft.confirmRevision', commandId, conferenceId, draft, alignment }, ORGANISER);
    if (!outcome.ok) return sendError(res, outcome.error);
    res.json({ seq: outcome.seq });
  });
  return router;
}
