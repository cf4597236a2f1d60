import type { SfuBackend } from '../sfuBackend';
import { connectedPair, waitFor } from '../testing/harness';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';
import { startTestBackend } from '../testing/testBackends';

// The werift backend's contract, run against the C++ mediasoup worker built by `npm run build:mediasoup-worker`.
/** mediasoup's shortest ICE consent timeout. */
const ICE_CONSENT_TIMEOUT_S = 10;

const startBackend = (portMin: number, options: { iceConsentTimeoutS?: number } = {}): Promise<SfuBackend> =>
  startTestBackend('mediasoup', { min: portMin, max: portMin + 99 }, options);

describeSfuBackendContract('mediasoup', () => startBackend(42_800));

describe('mediasoup transports whose peer goes away', () => {
  let backend: SfuBackend;
  beforeAll(async () => {
    backend = await startBackend(42_900, { iceConsentTimeoutS: ICE_CONSENT_TIMEOUT_S });
  });
  afterAll(() => backend.close());

  test('a peer that vanishes without a word closes its transport with reason ice after the consent timeout', async () => {
    const { transport, peer } = await connectedPair(await backend.createRouter());
    const reasons: string[] = [];
    transport.events.on('close', (reason) => reasons.push(reason));
    await peer.vanish();
    await waitFor(() => reasons.length > 0, (ICE_CONSENT_TIMEOUT_S + 5) * 1_000, 'transport close');
    expect(reasons).toEqual(['ice']);
  }, 30_000);
});
