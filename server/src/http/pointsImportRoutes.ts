import { Router, type Request, type Response } from 'express';
import { inProcessImports, type ImportRunner } from '../imports/importRunner';
import { MAX_POINTS_FILE_BYTES, failure, type PointsImportErrorCode, type PointsImportFailure } from '../pointsImport/pointsImportErrors';
import { requireAdmin } from './auth';
import { sendImportFailure, sendImportJson, singleFileUpload } from './fileUpload';

export { importPoints, slugId, type PointsImport, type PointsImportResult, type PointsImportWarning } from '../pointsImport/importPoints';
export { readCsv } from '../pointsImport/pointsTable';
export { MAX_POINTS_FILE_BYTES, POINTS_IMPORT_ERROR, type PointsImportErrorCode } from '../pointsImport/pointsImportErrors';

const STATUS: Record<PointsImportErrorCode, number> = {
  NO_FILE: 400, EMPTY_FILE: 400, FILE_TOO_LARGE: 413, UNSUPPORTED_TYPE: 415, UNREADABLE_FILE: 422, NO_COLUMNS: 422, NO_ROWS: 422, TIMEOUT: 422,
};

function sendFailure(res: Response, f: PointsImportFailure): void {
  sendImportFailure(res, STATUS[f.reason], f.reason, f.message);
}

const receiveFile = singleFileUpload(MAX_POINTS_FILE_BYTES, { fields: 2, parts: 4 }, (res, reason, message) => sendFailure(res, failure(reason, message)));

export interface PointsImportRouteDeps {
  adminToken: string;
  /** Where files are parsed: the hub's worker pool; in-process only where a test mounts the router alone. */
  imports?: ImportRunner;
}

/** POST /api/points/parse (admin token): multipart field `file` (.csv, .xlsx) → `{points, warnings, stats}`. */
export function pointsImportRouter(deps: PointsImportRouteDeps): Router {
  const imports = deps.imports ?? inProcessImports();
  const router = Router();
  router.post('/api/points/parse', requireAdmin(deps.adminToken), receiveFile, async (req: Request, res: Response) => {
    if (!req.file) return sendFailure(res, failure('NO_FILE', 'Thiếu tệp danh sách (trường "file")'));
    const result = await imports.points(req.file.originalname, req.file.buffer);
    if (!result.ok) return sendFailure(res, result);
    sendImportJson(res, result.json);
  });
  return router;
}
