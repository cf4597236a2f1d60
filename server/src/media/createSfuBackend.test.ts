import { createSfuBackend, importMediasoup } from './createSfuBackend';

const NETWORK = { listenIp: '127.0.0.1', portMin: 42_700, portMax: 42_709 };

function recordingLogger() {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
}

describe('createSfuBackend', () => {
  test('auto falls back to werift with a log line when mediasoup cannot be loaded', async () => {
    const logger = recordingLogger();
    const notInstalled = () => Promise.reject(new Error("Cannot find module 'mediasoup'"));
    const backend = await createSfuBackend('auto', NETWORK, logger, notInstalled);
    expect(backend.name).toBe('werift');
    expect(logger.lines).toEqual([expect.stringMatching(/^warn media: mediasoup unavailable .*falling back to the werift SFU$/), expect.stringMatching(/^info media: using the werift SFU/)]);
    const router = await backend.createRouter();
    expect((await router.createWebRtcTransport()).iceCandidates[0]?.port).toBeGreaterThanOrEqual(NETWORK.portMin);
    await backend.close();
  });

  test('auto also falls back when mediasoup loads but its worker fails to start', async () => {
    const logger = recordingLogger();
    const brokenWorker = { createWorker: () => Promise.reject(new Error('spawn mediasoup-worker ENOENT')) };
    const backend = await createSfuBackend('auto', NETWORK, logger, async () => brokenWorker as never);
    expect(backend.name).toBe('werift');
    expect(logger.lines[0]).toContain('spawn mediasoup-worker ENOENT');
    await backend.close();
  });

  test('an explicit SFU_BACKEND=mediasoup fails instead of silently running werift', async () => {
    // The real mediasoup module, pointed at a worker binary that does not exist.
    const missingWorker = async () => {
      const mediasoup = await importMediasoup();
      return { ...mediasoup, createWorker: (options?: object) => mediasoup.createWorker({ ...options, workerBin: '/nonexistent/mediasoup-worker' } as never) };
    };
    await expect(createSfuBackend('mediasoup', NETWORK, recordingLogger(), missingWorker as never)).rejects.toThrow(/SFU_BACKEND=mediasoup.*ENOENT/);
  });

  test('werift is used directly when chosen', async () => {
    const logger = recordingLogger();
    const backend = await createSfuBackend('werift', NETWORK, logger);
    expect(backend.name).toBe('werift');
    expect(logger.lines).toHaveLength(1);
    await backend.close();
  });
});
