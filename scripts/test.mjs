// `npm test`: the whole suite. Installs what is missing, type-checks, builds the client the
// browser tests load, then runs every jest project (unit, integration, browser).
import { execSync } from 'node:child_process';
import { ensureNpmDeps } from './ensureDeps.mjs';
import { ensureSystemDeps } from './systemDeps.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
ensureNpmDeps();
ensureSystemDeps();
run('npm run typecheck');
run('npm run lint');
run('npm run build');
const extra = process.argv.slice(2).join(' ');
// forceExit: a library handle left open (a socket, a timer) must never hold CI until its time limit.
run(`npx jest --ci --forceExit ${extra}`);
