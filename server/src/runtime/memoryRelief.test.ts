import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_RELIEF, shouldRelieve } from './memoryRelief';

const ROOT = resolve(__dirname, '../../..');
const settings = { ...DEFAULT_RELIEF, thresholdMb: 64 };

describe('Q50: memory given back after a burst', () => {
  it('collects only when RSS is past the threshold, the loop quiet, and the last relief long enough ago', () => {
    const state = { baselineMb: 100, lastReliefMs: 0 };
    const quiet = { rssMb: 200, utilization: 0.01, nowMs: 60_000 };
    expect(shouldRelieve(settings, state, quiet)).toBe(true);
    expect(shouldRelieve(settings, state, { ...quiet, rssMb: 150 })).toBe(false);
    expect(shouldRelieve(settings, state, { ...quiet, utilization: 0.5 })).toBe(false);
    expect(shouldRelieve(settings, state, { ...quiet, nowMs: 10_000 })).toBe(false);
  });

  it('a real process: kept heap is given back once the loop is quiet, never while it is busy', async () => {
    // A stand-in hub: grows its heap by ~200 MB of objects, drops them, keeps its loop busy for 2 s, then idles.
    const script = `
      const { startMemoryRelief } = require('./server/src/runtime/memoryRelief');
      const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
      const rss = () => process.memoryUsage.rss() / 1048576;
      startMemoryRelief({ thresholdMb: 64, checkEveryMs: 200, quietUtilization: 0.05, minGapMs: 1000 }, (e) => say({ relief: e, phase }));
      let phase = 'start';
      say({ phase, rss: rss() });
      let kept = [];
      for (let i = 0; i < 2_000_000; i += 1) kept.push({ i, name: 'Nguyễn Văn ' + i, tags: [i, i + 1] });
      phase = 'grown';
      say({ phase, rss: rss() });
      kept = null;
      phase = 'busy';
      const until = Date.now() + 2000;
      const spin = () => { const t = Date.now() + 20; let x = 0; while (Date.now() < t) x += Math.sqrt(x + 1); if (Date.now() < until) setImmediate(spin); else { phase = 'idle'; say({ phase, rss: rss() }); setTimeout(() => { say({ phase: 'end', rss: rss() }); process.exit(0); }, 3000); } };
      spin();`;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((r) => child.once('exit', r));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { phase: string; rss?: number; relief?: { beforeMb: number; afterMb: number } });
    const at = (phase: string) => lines.find((l) => l.phase === phase && l.rss !== undefined)?.rss ?? NaN;
    const reliefs = lines.filter((l) => l.relief);
    expect(at('grown') - at('start')).toBeGreaterThan(150);
    // Never while the loop was busy (the burst and the spinning): a full GC then would stall whoever waits.
    expect(reliefs.filter((l) => l.phase !== 'idle')).toEqual([]);
    expect(reliefs.length).toBeGreaterThanOrEqual(1);
    expect(at('end')).toBeLessThan(at('start') + 50);
  }, 30_000);
});
