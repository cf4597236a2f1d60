import { createSfuBackend } from '../createSfuBackend';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';

/** The same contract as werift's, run only where the optional mediasoup package (and its worker) is installed. */
function mediasoupInstalled(): boolean {
  try {
    require.resolve('mediasoup');
    return true;
  } catch {
    return false;
  }
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

if (mediasoupInstalled()) {
  describeSfuBackendContract('mediasoup', () => createSfuBackend('mediasoup', { listenIp: '127.0.0.1', portMin: 42_800, portMax: 42_899 }, silent));
} else {
  test.skip('mediasoup backend contract (mediasoup is not installed in this workspace)', () => undefined);
}
