import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { docxOf, nestedDocx, slowDocx } from '../testing/hostileFiles';
import { ImportPool, type ImportPoolOptions } from './importPool';

const MB = 1024 * 1024;
const LIMITS = { maxInflatedBytes: 64 * MB, maxTextChars: 5_000_000 };
const DRAFT = Buffer.from('Điều 1. Phạm vi\n1. Khoản một.\n\nĐiều 2. Đối tượng\nNội dung.', 'utf8');

const body = (outcome: { ok: boolean; value?: unknown }): unknown => {
  const answer = outcome.value as { ok: boolean; json?: Uint8Array } | undefined;
  return answer?.ok && answer.json ? JSON.parse(Buffer.from(answer.json).toString('utf8')) : undefined;
};

/** Real worker processes running the TypeScript worker entry through tsx, as under jest they must. */
function pool(opts: Partial<ImportPoolOptions>): ImportPool {
  return new ImportPool({ workers: 1, timeoutMs: 20_000, memoryMb: 512, limits: LIMITS, ...opts });
}

/** The nice value of this process and of each process it started (Linux: /proc/<pid>/stat, fields 4 and 19). */
function niceOf(pid: number | string): { ppid: number; nice: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), nice: Number(fields[16]) };
  } catch {
    return undefined; // a process that ended meanwhile
  }
}
const childNices = (): number[] =>
  readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    const stat = niceOf(pid);
    return stat?.ppid === process.pid ? [stat.nice] : [];
  });

describe('the import pool', () => {
  const pools: ImportPool[] = [];
  const started = (opts: Partial<ImportPoolOptions>) => {
    const p = pool(opts);
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('Q20: parses a draft and a points list in a worker that starts on demand and ends when idle', async () => {
    const p = started({ idleMs: 300 });
    expect(p.workers).toBe(0);
    const draft = await p.run({ kind: 'draft', fileName: 'a.docx', data: await docxOf(DRAFT.toString('utf8').split('\n')) });
    expect(body(draft)).toMatchObject({ stats: { articles: 2 } });
    const points = await p.run({ kind: 'points', fileName: 'a.csv', data: Buffer.from('Điểm cầu,Đại biểu\nTỉnh ủy Thái Nguyên,Dương Xuân Hùng\n') });
    expect(body(points)).toMatchObject({ stats: { rows: 1, points: 1, delegates: 1 } });
    expect(p.workers).toBe(1);
    // idleMs after its last job the worker ends (the deadline only ends a broken run).
    await until(() => p.workers === 0, 10_000);
  });

  it('Q27: the worker process runs at a lower priority (its own nice value) while the hub keeps its own', async () => {
    const p = started({ nice: 7 });
    let done = false;
    const slow = p.run({ kind: 'draft', fileName: 'slow.docx', data: await slowDocx(20_000) }).finally(() => (done = true));
    // Read while the job runs: the worker exists from its start to its idle end.
    let nices = childNices();
    while (!done && !nices.includes(7)) {
      await new Promise((r) => setTimeout(r, 20));
      nices = childNices();
    }
    await slow;
    expect(nices.filter((n) => n === 7)).toHaveLength(1);
    expect(niceOf(process.pid)?.nice).toBe(0);
  });

  it('Q28: an idle worker is a process that exits, so what a parse allocated is given back to the system', async () => {
    const p = started({ idleMs: 300 });
    expect(await p.run({ kind: 'draft', fileName: 'slow.docx', data: await slowDocx(20_000) })).toMatchObject({ ok: true });
    const [pid] = p.workerPids;
    expect(p.workerPids).toHaveLength(1);
    // A process of its own, a child of the hub's…
    expect(niceOf(String(pid))?.ppid).toBe(process.pid);
    // …that is gone, not merely idle, once idleMs have passed.
    await until(() => p.workers === 0 && !existsSync(`/proc/${pid}`), 10_000);
  });

  it('Q22: a job past the time limit ends TIMEOUT, its worker is replaced, and the next import succeeds', async () => {
    const p = started({ timeoutMs: 1_000 });
    const slow = await slowDocx(100_000);
    await p.run({ kind: 'draft', fileName: 'warm.txt', data: DRAFT });
    const t0 = Date.now();
    expect(await p.run({ kind: 'draft', fileName: 'slow.docx', data: slow })).toMatchObject({ ok: false, reason: 'TIMEOUT' });
    // Measured from the job's start on a warm worker (~5 s of work without the limit).
    expect(Date.now() - t0).toBeLessThan(3_000);
    const next = await p.run({ kind: 'draft', fileName: 'a.txt', data: DRAFT });
    expect(next.ok && next.value.ok).toBe(true);
  });

  it('Q23: a worker past its memory limit ends, the job answers FILE_TOO_LARGE, and the next import succeeds', async () => {
    const p = started({ memoryMb: 64, timeoutMs: 60_000 });
    const heavy = await slowDocx(100_000);
    expect(await p.run({ kind: 'draft', fileName: 'heavy.docx', data: heavy })).toMatchObject({ ok: false, reason: 'FILE_TOO_LARGE' });
    const next = await p.run({ kind: 'points', fileName: 'a.csv', data: Buffer.from('Điểm cầu\nTỉnh ủy Bắc Kạn\n') });
    expect(next.ok && next.value.ok).toBe(true);
  });

  // Two jobs of up to 10 s each (the pool's time limit) and the files built here: 90 s only ends a broken run.
  it('Q25: a document nested 100,000 deep is refused with a reason or parsed, never a crash', async () => {
    const p = started({ timeoutMs: 10_000 });
    for (const depth of [1_000, 100_000]) {
      const outcome = await p.run({ kind: 'draft', fileName: 'nested.docx', data: await nestedDocx(depth) });
      const reason = outcome.ok ? (outcome.value.ok ? 'parsed' : outcome.value.error.reason) : outcome.reason;
      expect(['parsed', 'UNREADABLE_FILE', 'FILE_TOO_LARGE', 'TIMEOUT']).toContain(reason);
    }
    const next = await p.run({ kind: 'draft', fileName: 'a.md', data: DRAFT });
    expect(next.ok && next.value.ok).toBe(true);
  }, 90_000);
});

/** Polls `condition` every 20 ms until it holds; fails past `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
