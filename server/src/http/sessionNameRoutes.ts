import { SessionNameBodySchema } from '@diem-cau/shared';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { AccessService } from '../access/accessService';
import { bearer } from './auth';
import { invalid, sendError } from './httpErrors';

export interface SessionNameDeps {
  access: AccessService;
  /** The small JSON body parser, mounted after the session is checked (Q30). */
  body: RequestHandler;
}

/** The session's own token in the Authorization header; refused with the reason a console tells apart (A3). */
function requireSession(access: AccessService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const checked = await access.check(bearer(req));
    if (checked.ok) return next();
    sendError(res, { code: 'UNAUTHORIZED', message: 'Phiên làm việc không hợp lệ', details: { reason: checked.reason } });
  };
}

/**
 * `POST /api/sessions/name` {name} (C12): the person behind a session opened with a shared code names it.
 * The hub stamps the name on what the session does from its next socket on; the console reconnects.
 */
export function sessionNameRouter(deps: SessionNameDeps): Router {
  const router = Router();
  router.post('/api/sessions/name', requireSession(deps.access), deps.body, async (req: Request, res: Response) => {
    const body = SessionNameBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalid(body.error));
    const session = await deps.access.nameSession(bearer(req) ?? '', body.data.name);
    if (!session) return sendError(res, { code: 'UNAUTHORIZED', message: 'Phiên làm việc không hợp lệ' });
    res.setHeader('Cache-Control', 'no-store').json({ name: session.name });
  });
  return router;
}
