import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { addressKey } from '../http/edge/clientAddress';

/**
 * How fast one client address may open sockets (Q54). A handshake costs the hub an upgrade, a token check and
 * a join — cheap one at a time, but a few hundred from one address in the same instant are processed back to
 * back, and every other console's message waits behind them. Past a burst, an address's handshakes are spaced
 * `1/perS` apart: the ones early are held (the upgrade answered later, never refused), so a hall's consoles
 * behind one NAT all get in, one after another; an address whose queue would wait longer than `maxWaitMs` is
 * refused (its clients retry as after any network error). Pure: time comes in.
 */
export interface AdmissionSettings {
  perS: number;
  burst: number;
  maxWaitMs: number;
}

export type Admission = { wait: number } | { refused: true };

/** Beyond this many tracked addresses, the ones whose slots have passed are forgotten. */
const MAX_TRACKED = 50_000;

export class HandshakeAdmission {
  /** Per address, the time its next handshake's slot would be free (GCRA's theoretical arrival time). */
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly settings: AdmissionSettings) {}

  /** How long this address's handshake must wait before it is let through (0: at once), or refused. */
  admit(address: string, now: number): Admission {
    const interval = 1_000 / this.settings.perS;
    const slot = Math.max(now, this.nextSlot.get(address) ?? now);
    const wait = Math.max(0, slot - now - (this.settings.burst - 1) * interval);
    if (wait > this.settings.maxWaitMs) return { refused: true };
    this.nextSlot.set(address, slot + interval);
    if (this.nextSlot.size > MAX_TRACKED) this.forget(now);
    return { wait };
  }

  private forget(now: number): void {
    for (const [address, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(address);
  }
}

type AllowRequest = (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;

/**
 * Engine.IO's `allowRequest` for a new connection: `originCheck` decides first, and alone when it refuses; then the
 * address's handshake waits its turn (the upgrade answered then), or is refused with 'RATE_LIMITED: TOO_MANY_HANDSHAKES'.
 */
export function admitHandshakes(admission: HandshakeAdmission, addressOf: (req: IncomingMessage) => string, now: () => number, originCheck: AllowRequest): AllowRequest {
  return (req, callback) => originCheck(req, (err, success) => {
    if (!success) return callback(err, false);
    const verdict = admission.admit(addressOf(req), now());
    if ('refused' in verdict) return callback('RATE_LIMITED: TOO_MANY_HANDSHAKES', false);
    if (verdict.wait <= 0) return callback(null, true);
    const timer = setTimeout(() => callback(null, true), verdict.wait);
    // A client that gives up meanwhile frees nothing but its timer: its slot stays taken, as a guard against churn.
    req.socket.once('close', () => clearTimeout(timer));
  });
}

/**
 * The client's address as Express's `req.ip` gives it (proxy-addr under the app's compiled `trust proxy`), keyed as
 * the guessing throttles key it (Q38).
 */
export const handshakeAddress = (trust: (address: string, hop: number) => boolean) => (req: IncomingMessage): string => addressKey(proxyAddr(req, trust));
