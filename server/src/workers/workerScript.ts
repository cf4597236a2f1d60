import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The file a pool worker runs, and the Node options it needs to run it. */
export interface WorkerScript {
  file: string;
  execArgv: string[];
}

/**
 * Where the import worker's entry is. The bundled hub (server/dist/main.cjs) finds importWorker.cjs
 * beside itself (scripts/buildServer.mjs builds both). Run from TypeScript sources (jest with swc, tsx
 * scripts), the worker runs importWorker.ts through tsx's require hook: `--import tsx` is not honoured in
 * a worker's execArgv on Node 20, `--require tsx/cjs` is.
 */
export function importWorkerScript(dir: string = __dirname, fromSources: boolean = __filename.endsWith('.ts')): WorkerScript {
  if (fromSources) return { file: join(dir, 'importWorker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
  const bundled = join(dir, 'importWorker.cjs');
  if (!existsSync(bundled)) throw new Error(`${bundled} is missing: build the hub with npm run build:server`);
  return { file: bundled, execArgv: [] };
}
