import { createSfuBackend } from '../createSfuBackend';
import type { SfuBackend } from '../sfuBackend';
import { connectedPair, waitFor } from '../testing/harness';
import { mediasoupTestWorkerBin } from '../testing/mediasoupWorker';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';

/** The werift backend's contract, run against the C++ mediasoup worker built by `npm run build:mediasoup-worker`. */
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** mediasoup's shortest ICE consent timeout. */
const ICE_CONSENT_TIMEOUT_S = 10;

const startBackend = (portMin: number, options: { iceConsentTimeoutS?: number } = {}): Promise<SfuBackend> =>
  createSfuBackend('mediasoup', { listenIp: '127.0.0.1', portMin, portMax: portMin + 99 }, silent, { mediasoup: { workerBin: mediasoupTestWorkerBin(), ...options } });

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
