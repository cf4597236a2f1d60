// `npm start`: install what is missing, build, start the hub with the embedded store and the demo conference.
import { execSync, spawn } from 'node:child_process';
import { ensureNpmDeps } from './ensureDeps.mjs';

ensureNpmDeps();
execSync('npm run build', { stdio: 'inherit' });
const hub = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.cjs'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code) => process.exit(code ?? 0));
