import type { SfuTransport } from './sfuBackend';

/**
 * Closes a transport whose DTLS is not connected `ms` after its creation (Q10). Until then it holds a UDP port
 * of the range every conference shares, and neither backend times it out by itself: werift's handshake timer
 * starts only with `connect`, mediasoup has none. Connected or closed first, the timer is dropped.
 */
export function closeUnlessConnected(transport: SfuTransport, ms: number): void {
  const timer = setTimeout(() => transport.close(), ms);
  timer.unref();
  const offConnected = transport.events.on('dtlsstatechange', (state) => {
    if (state !== 'connected') return;
    clearTimeout(timer);
    offConnected();
  });
  transport.events.once('close', () => clearTimeout(timer));
}
