import { createSfuBackend } from '../createSfuBackend';
import { mediasoupTestWorkerBin } from '../testing/mediasoupWorker';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';

/** The werift backend's contract, run against the C++ mediasoup worker built by `npm run build:mediasoup-worker`. */
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describeSfuBackendContract('mediasoup', () =>
  createSfuBackend('mediasoup', { listenIp: '127.0.0.1', portMin: 42_800, portMax: 42_899 }, silent, { mediasoup: { workerBin: mediasoupTestWorkerBin() } }),
);
