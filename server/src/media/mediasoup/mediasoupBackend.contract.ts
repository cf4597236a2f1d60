import { createSfuBackend } from '../createSfuBackend';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';

/**
 * The werift backend's contract, run against the C++ mediasoup worker. Not part of `npm test` (mediasoup is an
 * optional dependency that does not install everywhere, and the suite must never be skipped there):
 * `npx tsx scripts/checkMediasoup.ts` runs it where mediasoup is installed (e.g. in the Docker image).
 */
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describeSfuBackendContract('mediasoup', () => createSfuBackend('mediasoup', { listenIp: '127.0.0.1', portMin: 42_800, portMax: 42_899 }, silent));
