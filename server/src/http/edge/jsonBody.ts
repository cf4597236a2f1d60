import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { EDGE_REASON, edgeRefusal, sendRefusal, type EdgeRefusal } from './edgeErrors';
import { nestsDeeperThan } from './jsonDepth';

/** Thrown from body-parser's verify hook; body-parser keeps `status` and `type`, the error handler answers. */
export class BodyRefused extends Error {
  status = 400;
  constructor(readonly type: 'entity.too.deep' | 'charset.unsupported', readonly refusal: EdgeRefusal) {
    super(refusal.error.message);
    this.status = refusal.status;
  }
}

export const bodyTooLarge = (limitBytes: number): EdgeRefusal =>
  edgeRefusal(413, 'INVALID', EDGE_REASON.BODY_TOO_LARGE, `Nội dung lớn hơn ${limitBytes} byte`, { limitBytes });
export const bodyTooDeep = (maxDepth: number): EdgeRefusal =>
  edgeRefusal(400, 'INVALID', EDGE_REASON.BODY_TOO_DEEP, `JSON lồng sâu hơn ${maxDepth} cấp`, { maxDepth });
export const unsupportedEncoding = (): EdgeRefusal =>
  edgeRefusal(415, 'INVALID', EDGE_REASON.UNSUPPORTED_ENCODING, 'Chỉ nhận JSON mã hoá UTF-8');

/**
 * A JSON body parser for one route, mounted after that route's authentication (Q30–Q32): at most
 * `limitBytes` (counted after any gzip), nesting at most `maxDepth`, checked on the raw bytes before
 * JSON.parse. A declared Content-Length over the limit is refused before a byte is read, and the
 * connection closed, so a large upload to an open route costs neither memory nor the wait for it.
 */
export function jsonBody(limitBytes: number, maxDepth: number): RequestHandler {
  const parse = express.json({
    limit: limitBytes,
    strict: true,
    verify: (_req, _res, bytes, encoding) => {
      if (encoding !== 'utf-8') throw new BodyRefused('charset.unsupported', unsupportedEncoding());
      if (nestsDeeperThan(bytes, maxDepth)) throw new BodyRefused('entity.too.deep', bodyTooDeep(maxDepth));
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      res.setHeader('Connection', 'close');
      return sendRefusal(res, bodyTooLarge(limitBytes));
    }
    parse(req, res, next);
  };
}
