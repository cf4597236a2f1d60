import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The benches open thousands of consoles' sockets from one loopback address, where a real conference has them
 * from thousands of addresses, and their displays share one display code, where a hall has a few screens: the
 * per-address handshake allowance (Q54) and the sockets per join code (Q17, counted across nodes since Q55) are
 * lifted for the hubs they measure (bench:abuse keeps the defaults: it measures them).
 */
export const MANY_CONSOLES_ONE_ADDRESS = { QUOTA_HANDSHAKES_PER_ADDRESS_PER_S: '100000', QUOTA_HANDSHAKE_BURST_PER_ADDRESS: '100000', QUOTA_SOCKETS_PER_CODE: '1000000' };

/** Starts a server process and resolves with the port it prints (`"port":N`). */
export function startChild(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
