import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { GuessShare } from '../../cluster/guessShare';
import { RefusalHold } from '../../runtime/refusalHold';
import { clientAddress } from './clientAddress';
import { sendTooManyAttempts } from './edgeErrors';
import type { EdgeSettings } from './edgeSettings';
import { GuessThrottle } from './guessThrottle';

const MINUTE_MS = 60_000;

/** One throttle at the HTTP edge (join codes, or the admin token): refuses waiting clients, logs who fails. */
export class GuessGuard {
  private readonly throttle: GuessThrottle;
  private lastGlobalWarning = -Infinity;
  private readonly hold = new RefusalHold();

  constructor(
    private readonly guessing: 'join-code' | 'admin-token',
    private readonly limits: EdgeSettings['joinCodeGuesses'],
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly share?: GuessShare,
  ) {
    this.throttle = new GuessThrottle(limits);
    // Q53: another node's failures count here as if made here (timed by this node's clock).
    share?.listen((failure) => failure.guessing === guessing && this.throttle.fail(failure.address, now()));
  }

  /** Answers 429 and returns true when this client must wait; the guess itself is not looked at. */
  refused(req: Request, res: Response): boolean {
    const now = this.now();
    const verdict = this.throttle.check(clientAddress(req), now);
    if (verdict.ok) return false;
    if (verdict.scope === 'global' && now - this.lastGlobalWarning >= MINUTE_MS) {
      this.lastGlobalWarning = now;
      this.logger.warn({ guessing: this.guessing, retryAfterMs: verdict.retryAfterMs }, 'failed guesses from many addresses: every client waits');
    }
    this.answerLater(res, Math.min(verdict.retryAfterMs, this.limits.holdRefusalMs), () => sendTooManyAttempts(res, verdict.retryAfterMs, verdict.scope));
    return true;
  }

  /** Q48: the 429 after a hold, so a guesser that ignores retryAfterMs is slowed to one answer per hold per connection. */
  private answerLater(res: Response, holdMs: number, answer: () => void): void {
    this.hold.later(holdMs, () => !res.destroyed && answer(), (gone) => res.once('close', gone));
  }

  /** Counts a wrong code or token. The log names the address and never what was tried. */
  failed(req: Request): void {
    const address = clientAddress(req);
    const waitMs = this.throttle.fail(address, this.now());
    this.share?.tell({ guessing: this.guessing, address });
    if (waitMs > 0) this.logger.warn({ guessing: this.guessing, address, waitMs }, 'repeated failed guesses: the address waits');
  }

  /** For routes where the guard runs first (before the body is even read). */
  readonly middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (!this.refused(req, res)) next();
  };
}

export interface Guards {
  joinCodes: GuessGuard;
  tokens: GuessGuard;
}

export function createGuards(edge: EdgeSettings, logger: Logger, now: () => number, share?: GuessShare): Guards {
  return {
    joinCodes: new GuessGuard('join-code', edge.joinCodeGuesses, logger, now, share),
    tokens: new GuessGuard('admin-token', edge.tokenGuesses, logger, now, share),
  };
}

const GUARDS = 'diemCauGuards';

/**
 * The guards ride on the app, so `requireAdmin` finds them in every router mounted on it without each
 * router being handed them; a router used alone (a unit test) simply has none.
 */
export function attachGuards(app: Express, guards: Guards): void {
  app.locals[GUARDS] = guards;
}

export function guardsOf(req: Request): Guards | undefined {
  return req.app.locals[GUARDS] as Guards | undefined;
}
