import { createSfuBackend } from '../createSfuBackend';
import type { SfuBackend } from '../sfuBackend';
import { mediasoupTestWorkerBin } from './mediasoupWorker';

/** The SFU backends every media suite runs against: the in-process werift SFU and the C++ mediasoup worker. */
export const TEST_BACKENDS = ['werift', 'mediasoup'] as const;
export type TestBackendName = (typeof TEST_BACKENDS)[number];

export interface TestBackendOptions {
  /** mediasoup's ICE consent timeout (10–255 s); werift keeps its own 30 s. */
  iceConsentTimeoutS?: number;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A backend on 127.0.0.1 with its own UDP range (parallel jest workers never collide). mediasoup runs on the test
 * worker (`npm run build:mediasoup-worker`); without one this throws, so a suite fails rather than skips.
 */
export function startTestBackend(name: TestBackendName, ports: { min: number; max: number }, options: TestBackendOptions = {}): Promise<SfuBackend> {
  const network = { listenIp: '127.0.0.1', portMin: ports.min, portMax: ports.max };
  if (name === 'werift') return createSfuBackend('werift', network, silent);
  return createSfuBackend('mediasoup', network, silent, { mediasoup: { workerBin: mediasoupTestWorkerBin(), ...options } });
}
