import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { RefusalHold } from '../../runtime/refusalHold';
import { EDGE_REASON, edgeRefusal, sendRefusal, type EdgeRefusal } from './edgeErrors';
import { JsonDepthScanner } from './jsonDepth';

export const bodyTooLarge = (limitBytes: number): EdgeRefusal =>
  edgeRefusal(413, 'INVALID', EDGE_REASON.BODY_TOO_LARGE, `Nội dung lớn hơn ${limitBytes} byte`, { limitBytes });
export const bodyTooDeep = (maxDepth: number): EdgeRefusal =>
  edgeRefusal(400, 'INVALID', EDGE_REASON.BODY_TOO_DEEP, `JSON lồng sâu hơn ${maxDepth} cấp`, { maxDepth });
export const unsupportedEncoding = (): EdgeRefusal =>
  edgeRefusal(415, 'INVALID', EDGE_REASON.UNSUPPORTED_ENCODING, 'Chỉ nhận JSON mã hoá UTF-8');
const badJson = (): EdgeRefusal => edgeRefusal(400, 'INVALID', EDGE_REASON.BAD_JSON, 'JSON không hợp lệ');

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The body's bytes as sent (identity) or inflated (gzip, deflate, br); undefined for an encoding we do not read. */
function decodedBody(req: Request): Readable | undefined {
  switch ((req.headers['content-encoding'] ?? 'identity').toLowerCase()) {
    case 'identity': return req;
    case 'gzip': return req.pipe(createGunzip());
    case 'deflate': return req.pipe(createInflate());
    case 'br': return req.pipe(createBrotliDecompress());
    default: return undefined;
  }
}

const utf8Charset = (req: Request) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
};

/**
 * A JSON body parser for one route, mounted after that route's authentication (Q30–Q32): at most
 * `limitBytes` (counted after any gzip), nesting at most `maxDepth`. Both are checked on the bytes as they
 * arrive: a declared Content-Length over the limit is refused before a byte is read, and a body is refused
 * at the chunk where it grows too large or too deep — the connection then closed, the rest never read — so a
 * hostile body costs neither memory nor the wait for it. Only an object or an array is accepted (strict).
 * A refused body is answered after `holdMs` (Q51), the connection not read meanwhile: a client sending hostile
 * bodies back to back gets one answer per connection per hold, and its bytes wait in its own buffers.
 */
export function jsonBody(limitBytes: number, maxDepth: number, refusals: { hold: RefusalHold; holdMs: number }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req) || !req.is('application/json')) return next();
    const refuse = (refusal: EdgeRefusal) => {
      req.pause();
      refusals.hold.later(refusals.holdMs, () => {
        if (res.destroyed) return;
        res.setHeader('Connection', 'close');
        sendRefusal(res, refusal);
      }, (gone) => res.once('close', gone));
    };
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) return refuse(bodyTooLarge(limitBytes));
    const body = utf8Charset(req) ? decodedBody(req) : undefined;
    if (!body) return refuse(unsupportedEncoding());
    const scanner = new JsonDepthScanner(maxDepth);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const stop = (refusal: EdgeRefusal) => {
      over = true;
      body.removeAllListeners('data');
      refuse(refusal);
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return stop(bodyTooLarge(limitBytes));
      if (scanner.feed(chunk)) return stop(bodyTooDeep(maxDepth));
      chunks.push(chunk);
    });
    body.once('error', () => {
      if (!over) stop(badJson());
    });
    body.once('end', () => {
      if (over) return;
      const text = Buffer.concat(chunks, size).toString('utf8');
      const first = /\S/.exec(text)?.[0];
      try {
        if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
        req.body = JSON.parse(text) as unknown;
      } catch {
        return refuse(badJson());
      }
      next();
    });
  };
}
