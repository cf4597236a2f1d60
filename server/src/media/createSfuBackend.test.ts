import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSfuBackend, importMediasoup } from './createSfuBackend';
import { mediasoupTestWorkerBin } from './testing/mediasoupWorker';

const NETWORK = { listenIp: '127.0.0.1', portMin: 42_700, portMax: 42_709 };

function recordingLogger() {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
}

/** A worker that reads its channel and never answers, as one built for another mediasoup version does. */
function silentWorkerBin(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'silent-worker-')), 'mediasoup-worker');
  writeFileSync(path, '#!/bin/sh\nexec cat <&3 >/dev/null\n');
  chmodSync(path, 0o755);
  return path;
}

describe('createSfuBackend', () => {
  test('auto prefers a mediasoup worker that starts, and logs which one and why', async () => {
    const logger = recordingLogger();
    const workerBin = mediasoupTestWorkerBin();
    const backend = await createSfuBackend('auto', NETWORK, logger, { mediasoup: { workerBin } });
    const { version } = await importMediasoup();
    expect(backend.name).toBe('mediasoup');
    expect(logger.lines).toEqual([`info media: using the mediasoup SFU ${version} (SFU_BACKEND=auto and its worker started; worker ${workerBin}) on 127.0.0.1 ports 42700-42709`]);
    const router = await backend.createRouter();
    expect((await router.createWebRtcTransport()).iceCandidates[0]?.port).toBeGreaterThanOrEqual(NETWORK.portMin);
    await backend.close();
  });

  test('auto falls back to werift with a log line when mediasoup cannot be loaded', async () => {
    const logger = recordingLogger();
    const notInstalled = () => Promise.reject(new Error("Cannot find module 'mediasoup'"));
    const backend = await createSfuBackend('auto', NETWORK, logger, { loadMediasoup: notInstalled });
    expect(backend.name).toBe('werift');
    expect(logger.lines).toEqual([expect.stringMatching(/^warn media: mediasoup unavailable .*falling back to the werift SFU$/), expect.stringMatching(/^info media: using the werift SFU/)]);
    const router = await backend.createRouter();
    expect((await router.createWebRtcTransport()).iceCandidates[0]?.port).toBeGreaterThanOrEqual(NETWORK.portMin);
    await backend.close();
  });

  test('auto falls back to werift when the worker binary is missing', async () => {
    const logger = recordingLogger();
    const backend = await createSfuBackend('auto', NETWORK, logger, { mediasoup: { workerBin: '/nonexistent/mediasoup-worker' } });
    expect(backend.name).toBe('werift');
    expect(logger.lines[0]).toMatch(/^warn media: mediasoup unavailable \(.*ENOENT.*\); falling back to the werift SFU$/);
    await backend.close();
  });

  test('auto falls back to werift when the worker never answers, instead of waiting forever', async () => {
    const logger = recordingLogger();
    const started = performance.now();
    const backend = await createSfuBackend('auto', NETWORK, logger, { mediasoup: { workerBin: silentWorkerBin(), startDeadlineMs: 1_000 } });
    expect(backend.name).toBe('werift');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(logger.lines[0]).toMatch(/^warn media: mediasoup unavailable \(the mediasoup worker did not answer within 1000 ms .*\); falling back/);
    await backend.close();
  });

  test('an explicit SFU_BACKEND=mediasoup fails instead of silently running werift', async () => {
    const missingWorker = { workerBin: '/nonexistent/mediasoup-worker' };
    await expect(createSfuBackend('mediasoup', NETWORK, recordingLogger(), { mediasoup: missingWorker })).rejects.toThrow(/SFU_BACKEND=mediasoup.*ENOENT/);
  });

  test('werift is used directly when chosen', async () => {
    const logger = recordingLogger();
    const backend = await createSfuBackend('werift', NETWORK, logger);
    expect(backend.name).toBe('werift');
    expect(logger.lines).toHaveLength(1);
    await backend.close();
  });
});
