import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const BUILD_SCRIPT = resolve(__dirname, '../../../../scripts/mediasoup/buildWorker.sh');
const NOT_CACHED_EXIT = 3;

/**
 * The mediasoup worker binary the suites run against: MEDIASOUP_WORKER_BIN when set (`npm test` sets it after
 * running the build script), else the one `npm run build:mediasoup-worker` cached for the installed mediasoup and
 * the current patch set. Never skips: without a binary the suite fails, saying how to build one.
 */
export function mediasoupTestWorkerBin(): string {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`MEDIASOUP_WORKER_BIN=${fromEnv} does not exist. Build the test worker with \`npm run build:mediasoup-worker\` and point MEDIASOUP_WORKER_BIN at the path it prints.`);
    return fromEnv;
  }
  try {
    return execFileSync('bash', [BUILD_SCRIPT, '--cached-only'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason = status === NOT_CACHED_EXIT ? 'it has not been built for this mediasoup version and patch set' : `the build script failed (${String(error)})`;
    throw new Error(`No mediasoup worker binary for the tests: ${reason}. Run \`npm run build:mediasoup-worker\` (about 10 minutes the first time, then cached), or set MEDIASOUP_WORKER_BIN.`);
  }
}
