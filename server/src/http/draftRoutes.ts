import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { MAX_DRAFT_BYTES, type DraftImportError, type DraftImportErrorCode } from '../draftImport/draftImportErrors';
import { importDraft } from '../draftImport/importDraft';
import { requireAdmin } from './auth';
import { invalid, sendError } from './httpErrors';

export interface DraftRouteDeps {
  adminToken: string;
}

const STATUS: Record<DraftImportErrorCode, number> = {
  NO_FILE: 400, EMPTY_FILE: 400, FILE_TOO_LARGE: 413, UNSUPPORTED_TYPE: 415, UNREADABLE_FILE: 422,
};

const FieldsSchema = z.object({ title: z.string().trim().min(1).max(500).optional() });

/** Import errors keep the API's error shape ({ error: { code, message, details } }) with the reason in details. */
function sendImportError(res: Response, error: DraftImportError): void {
  res.status(STATUS[error.reason]).json({ error: { code: 'INVALID', message: error.message, details: { reason: error.reason } } });
}

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_DRAFT_BYTES, files: 1, fields: 5, parts: 8 } }).single('file');

/** multer's own limits answer as typed import errors instead of reaching the generic error handler. */
function receiveFile(req: Request, res: Response, next: NextFunction): void {
  upload(req, res, (err: unknown) => {
    if (!err) return next();
    if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
      return sendImportError(res, { reason: 'FILE_TOO_LARGE', message: `Tệp lớn hơn ${MAX_DRAFT_BYTES / 1024 / 1024} MB` });
    }
    const message = err instanceof multer.MulterError ? `Dữ liệu tải lên không hợp lệ (${err.code})` : 'Cần gửi multipart/form-data với trường "file"';
    sendImportError(res, { reason: 'NO_FILE', message });
  });
}

/** POST /api/drafts/parse (admin token): multipart field `file` (.docx, .txt, .md), optional field `title`. */
export function draftRouter(deps: DraftRouteDeps): Router {
  const router = Router();
  router.post('/api/drafts/parse', requireAdmin(deps.adminToken), receiveFile, async (req: Request, res: Response) => {
    const file = req.file;
    if (!file) return sendImportError(res, { reason: 'NO_FILE', message: 'Thiếu tệp dự thảo (trường "file")' });
    const fields = FieldsSchema.safeParse(req.body ?? {});
    if (!fields.success) return sendError(res, invalid(fields.error));
    const title = fields.data.title;
    const result = await importDraft({ fileName: file.originalname, data: file.buffer, ...(title ? { title } : {}) });
    if (!result.ok) return sendImportError(res, result.error);
    res.status(200).json(result.value);
  });
  return router;
}
