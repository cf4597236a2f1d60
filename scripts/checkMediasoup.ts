// `npm run check:mediasoup`: the SfuBackend contract, the SRTP guard, the cascade, loss repair, Chromium interop and the backend choice against a mediasoup
// worker: the one MEDIASOUP_WORKER_BIN names (e.g. mediasoup's own, in the Docker image), else the test worker
// `npm run build:mediasoup-worker` builds from Debian's packages (cached after the first build). `npm test` runs
// the same suites; this is the short way to run only them.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
// The suites run on both backends (loss repair, Chromium interop) run their werift half too.
const SUITES = ['server/src/media/mediasoup/', 'server/src/media/createSfuBackend.test.ts', 'server/src/media/lossRepair.test.ts', 'server/src/media/chromeInterop.test.ts'];

const workerBin =
  process.env.MEDIASOUP_WORKER_BIN ??
  execFileSync('bash', [resolve(root, 'scripts/mediasoup/buildWorker.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
process.stdout.write(`mediasoup worker: ${workerBin}\n`);
const run = spawnSync('npx', ['jest', '--ci', '--forceExit', ...SUITES], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MEDIASOUP_WORKER_BIN: workerBin },
});
process.exit(run.status ?? 1);
