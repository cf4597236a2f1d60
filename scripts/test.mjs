// `npm test`: the whole suite. Installs what is missing, builds (or finds cached) the mediasoup worker the SFU suites
// run against, type-checks, builds the client the browser tests load, then runs every jest project (unit,
// integration, browser); the timed media suite last, alone.
import { exec, execSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { ensureNpmDeps } from './ensureDeps.mjs';
import { ensureSystemDeps } from './systemDeps.mjs';
import { ensureMediasoupWorker } from './mediasoup/ensureWorker.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
ensureNpmDeps();
ensureSystemDeps();
ensureMediasoupWorker();
await checks();
run('npm run build');
const extra = process.argv.slice(2).join(' ');
// Suites that time real media (floor switches in five browsers; loss repair over UDP; media back after a failover) run alone, after the
// rest, so they measure the product rather than whichever other suites share the two cores at that moment.
const TIMED_ALONE = [
  String.raw`e2e/media\.test\.ts`, String.raw`server/src/media/lossRepair\.test\.ts`,
  // Several hub processes (and, for the topology, nginx and three Chromiums) with media timed after a SIGKILL.
  String.raw`e2e/topology\.test\.ts`, String.raw`server/src/cluster/mediaAcrossNodes\.test\.ts`,
  // 200 Node receivers on two mediasoup workers, every packet counted and the workers' CPU measured.
  String.raw`server/src/media/mediasoup/cascade\.test\.ts`,
  // Chromium's picture timed through loss and repair (freezes counted), and the livestream's grant-to-viewer time.
  String.raw`server/src/media/chromeInterop\.test\.ts`, String.raw`e2e/stream\.test\.ts`,
];
const quoted = TIMED_ALONE.map((p) => `'${p}'`).join(' ');
// forceExit: a library handle left open (a socket, a timer) must never hold CI until its time limit.
if (extra) run(`npx jest --ci --forceExit ${extra}`);
else {
  // Two workers: jest's default on two cores is one, and most suites wait on sockets, processes and browsers.
  run(`npx jest --ci --forceExit --maxWorkers=2 --testPathIgnorePatterns '/node_modules/' ${quoted}`);
  run(`npx jest --ci --forceExit --runInBand ${quoted}`);
}

/**
 * The type checks of the five packages and the linter (what `npm run typecheck` and `npm run lint` run), two at a
 * time: each is one single-threaded process, so on two cores this takes half as long. Each one's output is printed
 * whole when it ends; the first failure stops the suite once the others have finished.
 */
async function checks() {
  const commands = [...['shared', 'server', 'client', 'scripts', 'e2e'].map((p) => `npx tsc -p ${p} --noEmit`), 'npx eslint .'];
  const failed = [];
  const next = async () => {
    for (let command = commands.shift(); command; command = commands.shift()) {
      const t0 = Date.now();
      const result = await new Promise((resolve) => exec(command, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ error, out: stdout + stderr })));
      process.stdout.write(`> ${command} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n${result.out}`);
      if (result.error) failed.push(command);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, next));
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}
