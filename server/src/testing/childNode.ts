import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** A hub node running the real entry file in its own process, so a test can SIGKILL or SIGSTOP it. */
export interface ChildNode {
  child: ChildProcess;
  url: string;
  port: number;
  /** The node id it logged when it started listening. */
  nodeId: string;
  /** Everything it printed so far. */
  output(): string;
  kill(): Promise<void>;
}

/**
 * Starts `server/src/main.ts` with `env` on top of this process's environment; resolves once it listens.
 * `build` runs a built hub instead (another release's `server/dist/main.cjs`, see previousRelease.ts).
 */
export function startChildNode(env: Record<string, string>, build?: { root: string }): Promise<ChildNode> {
  const args = build ? [resolve(build.root, 'server/dist/main.cjs')] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: build?.root ?? ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'never', LOG_LEVEL: 'info', SFU_BACKEND: 'werift', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"port":(\d+).*?"node":"([^"]+)"/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[1]);
      resolvePort({
        child, port, nodeId: m[2] ?? '', url: `http://127.0.0.1:${port}`, output: () => out,
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
  });
}
