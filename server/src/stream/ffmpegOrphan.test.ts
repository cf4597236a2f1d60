import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findFfmpeg } from './ffmpegProcess';

/**
 * LS8: a hub that dies, even by SIGKILL, takes its FFmpeg with it (setpriv's parent-death signal), so the
 * conference's next owner finds the RTP ports and the shared live playlist free.
 */
jest.setTimeout(30_000);

const ROOT = resolve(__dirname, '../../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('LS8: FFmpeg started by a hub process ends when that process is SIGKILLed', async () => {
  const ffmpeg = findFfmpeg();
  if (!ffmpeg) throw new Error('ffmpeg is missing: npm test installs it (scripts/systemDeps.mjs)');
  // A stand-in hub: starts FFmpeg (an endless silent encode) as the stream does, prints its pid, then waits.
  const script = `
    const { spawn } = require('node:child_process');
    const { ffmpegCommand } = require('./server/src/stream/ffmpegProcess');
    const c = ffmpegCommand(${JSON.stringify(ffmpeg)}, ['-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'anullsrc', '-f', 'null', '-']);
    const child = spawn(c.file, c.args, { stdio: 'ignore' });
    console.log(child.pid);
    setInterval(() => {}, 1000);`;
  const hub = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((r) => hub.stdout.once('data', (chunk: Buffer) => r(Number(chunk.toString().trim()))));
  await new Promise((r) => setTimeout(r, 500));
  expect(alive(pid)).toBe(true);
  hub.kill('SIGKILL');
  const deadline = Date.now() + 5_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(alive(pid)).toBe(false);
});
