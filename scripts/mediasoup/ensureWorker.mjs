// Builds (or finds cached) the mediasoup worker the test suite runs against, and points MEDIASOUP_WORKER_BIN at it
// for every process started after this. A cached build answers in about a second.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureMediasoupWorker() {
  const given = process.env.MEDIASOUP_WORKER_BIN;
  if (given) {
    if (!existsSync(given)) throw new Error(`MEDIASOUP_WORKER_BIN=${given} does not exist`);
    console.log(`mediasoup worker: ${given} (MEDIASOUP_WORKER_BIN)`);
    return given;
  }
  const path = execFileSync('bash', ['scripts/mediasoup/buildWorker.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.MEDIASOUP_WORKER_BIN = path;
  console.log(`mediasoup worker: ${path}`);
  return path;
}
