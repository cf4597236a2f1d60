import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { EDGE_REASON, edgeRefusal, sendRefusal, type EdgeRefusal } from './edgeErrors';
import { bodyTooLarge, unsupportedEncoding } from './jsonBody';

interface HttpishError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * What the client did wrong, as a typed refusal: a malformed percent-escape in the path (Q45), a body
 * that is not JSON, too large or too deep (Q30–Q33). These are the client's mistakes, not the hub's:
 * answered without a log line, never as 503 with a stack trace.
 */
export function refusalFor(err: HttpishError): EdgeRefusal | undefined {
  if (err instanceof URIError) return edgeRefusal(400, 'INVALID', EDGE_REASON.BAD_URL, 'Đường dẫn không hợp lệ (mã %… sai)');
  switch (err.type) {
    case 'entity.parse.failed':
    case 'request.size.invalid':
      return edgeRefusal(400, 'INVALID', EDGE_REASON.BAD_JSON, 'JSON không hợp lệ');
    case 'entity.too.large':
      return bodyTooLarge(err.limit ?? 0);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return unsupportedEncoding();
    default:
      break;
  }
  const status = err.status ?? 500;
  return status >= 400 && status < 500 ? edgeRefusal(status, 'INVALID', EDGE_REASON.BAD_REQUEST, 'Yêu cầu không hợp lệ') : undefined;
}

/** The API's last handler: the client's mistakes answered typed and quiet; anything else logged, 503. */
export function edgeErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: HttpishError, _req, res, next) => {
    if (res.headersSent) return next(err);
    const refusal = refusalFor(err);
    if (refusal) return sendRefusal(res, refusal);
    logger.error({ err }, 'http error');
    res.status(503).json({ error: { code: 'UNAVAILABLE', message: 'Lỗi máy chủ' } });
  };
}
