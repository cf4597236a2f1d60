import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The file a worker (thread or process) runs, and the Node options it needs to run it. */
export interface WorkerScript {
  file: string;
  execArgv: string[];
}

/**
 * Where a worker's entry is. The bundled hub (server/dist/main.cjs) finds `<name>.cjs` beside itself
 * (scripts/buildServer.mjs builds them all). Run from TypeScript sources (jest with swc, tsx scripts), the
 * worker runs `<sourceDir>/<name>.ts` through tsx's require hook: `--import tsx` is not honoured in a
 * worker's execArgv on Node 20, `--require tsx/cjs` is.
 */
export function workerScript(name: string, sourceDir: string, fromSources: boolean = __filename.endsWith('.ts')): WorkerScript {
  if (fromSources) return { file: join(sourceDir, `${name}.ts`), execArgv: ['--require', require.resolve('tsx/cjs')] };
  const bundled = join(__dirname, `${name}.cjs`);
  if (!existsSync(bundled)) throw new Error(`${bundled} is missing: build the hub with npm run build:server`);
  return { file: bundled, execArgv: [] };
}
