// Bundles the hub (server + shared sources) into server/dist/main.cjs; npm packages stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../server/package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@diem-cau/'));
external.push('mediasoup', 'pino-pretty');

await build({
  entryPoints: ['server/src/main.ts'],
  outfile: 'server/dist/main.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external,
  alias: { '@diem-cau/shared': './shared/src/index.ts' },
  logLevel: 'warning',
});
console.log('server/dist/main.cjs built');
