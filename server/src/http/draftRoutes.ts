import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { MAX_DRAFT_BYTES, type DraftImportError, type DraftImportErrorCode } from '../draftImport/draftImportErrors';
import { inProcessImports, type ImportRunner } from '../imports/importRunner';
import { requireAdmin } from './auth';
import { sendImportFailure, sendImportJson, singleFileUpload } from './fileUpload';
import { invalid, sendError } from './httpErrors';

export interface DraftRouteDeps {
  adminToken: string;
  /** Where files are parsed: the hub's worker pool; in-process only where a test mounts the router alone. */
  imports?: ImportRunner;
}

const STATUS: Record<DraftImportErrorCode, number> = {
  NO_FILE: 400, EMPTY_FILE: 400, FILE_TOO_LARGE: 413, UNSUPPORTED_TYPE: 415, UNREADABLE_FILE: 422, TIMEOUT: 422,
};

export const DraftFieldsSchema = z.object({ title: z.string().trim().min(1).max(500).optional() });

export function sendImportError(res: Response, error: DraftImportError): void {
  sendImportFailure(res, STATUS[error.reason], error.reason, error.message);
}

/** A draft file as both draft imports take it: the first draft and its revision (DA16). */
export const receiveDraftFile = singleFileUpload(MAX_DRAFT_BYTES, { fields: 5, parts: 8 }, (res, reason, message) => sendImportError(res, { reason, message }));

/** POST /api/drafts/parse (admin token): multipart field `file` (.docx, .txt, .md), optional field `title`. */
export function draftRouter(deps: DraftRouteDeps): Router {
  const imports = deps.imports ?? inProcessImports();
  const router = Router();
  router.post('/api/drafts/parse', requireAdmin(deps.adminToken), receiveDraftFile, async (req: Request, res: Response) => {
    const file = req.file;
    if (!file) return sendImportError(res, { reason: 'NO_FILE', message: 'Thiếu tệp dự thảo (trường "file")' });
    const fields = DraftFieldsSchema.safeParse(req.body ?? {});
    if (!fields.success) return sendError(res, invalid(fields.error));
    const title = fields.data.title;
    const result = await imports.draft({ fileName: file.originalname, data: file.buffer, ...(title ? { title } : {}) });
    if (!result.ok) return sendImportError(res, result.error);
    sendImportJson(res, result.json);
  });
  return router;
}
