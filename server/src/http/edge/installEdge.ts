import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { GuessShare } from '../../cluster/guessShare';
import { RefusalHold } from '../../runtime/refusalHold';
import type { EdgeSettings } from './edgeSettings';
import { attachGuards, createGuards, type Guards } from './guessGuard';
import { jsonBody } from './jsonBody';
import { originGuard, type OriginPolicy } from './originCheck';
import { securityHeaders } from './securityHeaders';

export interface EdgeDeps {
  edge: EdgeSettings;
  /** The other nodes' failed guesses, in a cluster (Q53). */
  guesses?: GuessShare;
  origins: OriginPolicy;
  logger: Logger;
  now: () => number;
}

/** JSON parsers to mount per route, after that route's authentication (Q30–Q32). */
export interface Bodies {
  /** Routes open to anyone (the join-code exchange) and small authenticated requests. */
  small: RequestHandler;
  /** A conference setup with its draft: only behind the admin token. */
  large: RequestHandler;
}

/**
 * What runs before any route: the client's address as `trust proxy` says (Q38), the security headers on
 * every answer (Q40), the Origin check of state-changing API requests (Q46), the guessing throttles (Q34–Q37).
 * No body is read here: each route reads its own, after its authentication.
 */
export function installEdge(app: Express, deps: EdgeDeps): { bodies: Bodies; guards: Guards } {
  app.set('trust proxy', deps.edge.trustProxy);
  app.use(securityHeaders);
  app.use('/api', originGuard(deps.origins));
  const guards = createGuards(deps.edge, deps.logger, deps.now, deps.guesses);
  attachGuards(app, guards);
  const refusals = { hold: new RefusalHold(), holdMs: deps.edge.bodyRefusalHoldMs };
  const bodies = {
    small: jsonBody(deps.edge.publicBodyBytes, deps.edge.jsonMaxDepth, refusals),
    large: jsonBody(deps.edge.bodyBytes, deps.edge.jsonMaxDepth, refusals),
  };
  return { bodies, guards };
}
