import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';

export type UploadFailure = 'NO_FILE' | 'FILE_TOO_LARGE';

/** Import errors keep the API's error shape ({ error: { code, message, details } }) with the reason in details. */
export function sendImportFailure(res: Response, status: number, reason: string, message: string): void {
  res.status(status).json({ error: { code: 'INVALID', message, details: { reason } } });
}

/** A parse the import worker answered as UTF-8 JSON: written as it is, with no stringify or ETag hash on the hub's thread. */
export function sendImportJson(res: Response, json: Uint8Array): void {
  res.status(200).type('application/json').end(Buffer.from(json.buffer, json.byteOffset, json.byteLength));
}

/**
 * One multipart field `file`, held in memory up to `maxBytes`. multer's own limits answer through
 * `fail` as typed import errors instead of reaching the generic error handler.
 */
export function singleFileUpload(
  maxBytes: number,
  limits: { fields: number; parts: number },
  fail: (res: Response, reason: UploadFailure, message: string) => void,
): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, ...limits } }).single('file');
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return fail(res, 'FILE_TOO_LARGE', `Tệp lớn hơn ${maxBytes / 1024 / 1024} MB`);
      fail(res, 'NO_FILE', err instanceof multer.MulterError ? `Dữ liệu tải lên không hợp lệ (${err.code})` : 'Cần gửi multipart/form-data với trường "file"');
    });
  };
}
