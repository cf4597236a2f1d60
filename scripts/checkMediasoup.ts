// `npx tsx scripts/checkMediasoup.ts`: the SFU backend contract against the C++ mediasoup worker. mediasoup is an
// optional dependency (`npm install --no-save mediasoup@3`, Node 22, python3 + make + g++ or its prebuilt
// worker), so this suite lives outside `npm test`, where nothing may be skipped.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const requireFromServer = createRequire(resolve(root, 'server/package.json'));
try {
  requireFromServer.resolve('mediasoup');
} catch {
  process.stderr.write('mediasoup is not installed here. Install it with `npm install --no-save mediasoup@3` (Node 22 has a prebuilt worker) and run again.\n');
  process.exit(2);
}

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const config = {
  rootDir: root,
  testEnvironment: 'node',
  testTimeout: 30_000,
  testMatch: ['<rootDir>/server/src/media/mediasoup/mediasoupBackend.contract.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@diem-cau/shared$': '<rootDir>/shared/src/index.ts', '^@diem-cau/shared/testing$': '<rootDir>/shared/src/testing/index.ts' },
};
const run = spawnSync('npx', ['jest', '--ci', '--config', JSON.stringify(config)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
