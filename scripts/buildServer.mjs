// Bundles the hub (server + shared sources) into server/dist/main.cjs, and its worker threads (the import
// pool's, the SQLite writer's, the archive's) into server/dist/*.cjs beside it (where the hub looks for them); npm packages stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../server/package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@diem-cau/'));
external.push('mediasoup', 'pino-pretty', 'tsx'); // tsx: only the workers of a hub run from sources load it

await build({
  entryPoints: { main: 'server/src/main.ts', importWorker: 'server/src/imports/importWorker.ts', sqliteWriterWorker: 'server/src/store/sqliteWriterWorker.ts', archiveWorker: 'server/src/archive/archiveWorker.ts' },
  outdir: 'server/dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external,
  alias: { '@diem-cau/shared': './shared/src/index.ts' },
  logLevel: 'warning',
});
console.log('server/dist/main.cjs, importWorker.cjs, sqliteWriterWorker.cjs and archiveWorker.cjs built');
