import { dirname, join } from 'node:path';

type Flight3Class = { prototype: { exec(this: { dtls: { flight: number } }, ...args: unknown[]): Promise<void> } };

/**
 * werift's DTLS client (the test peers' side, RawPeer) answers a HelloVerifyRequest by moving to flight 3, and
 * rejects a second one (`Flight3.exec`: `throw new Error()` when already in flight 3). A server retransmits its
 * HelloVerifyRequest when the client's ClientHello was retransmitted, which happens on a loaded machine; the
 * rejection then surfaces as an unhandled rejection from a socket callback and fails whichever test is running,
 * while the handshake itself goes on. A repeat is ignored here, as RFC 6347 §4.2.1 lets a client do.
 * `require` (not an import) so that, under jest, the patched module is the one werift itself loaded.
 */
function tolerateRepeatedHelloVerifyRequest(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Flight3 } = require(join(dirname(require.resolve('werift')), '../../dtls/src/flight/client/flight3.js')) as { Flight3: Flight3Class };
  const exec = Flight3.prototype.exec as Flight3Class['prototype']['exec'] & { tolerant?: true };
  if (exec.tolerant) return;
  const tolerant = Object.assign(function (this: { dtls: { flight: number } }, ...args: unknown[]) {
    return this.dtls.flight === 3 ? Promise.resolve() : exec.apply(this, args);
  }, { tolerant: true as const });
  Flight3.prototype.exec = tolerant;
}

tolerateRepeatedHelloVerifyRequest();
