import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pino from 'pino';
import { createHub, type Hub } from '../createHub';
import { systemClock } from '../hub/clock';
import { openSqliteAccessStore } from '../store/sqliteAccessStore';
import { openSqliteEventStore } from '../store/sqliteEventStore';
import { docxOf, lyingEntry, slowDocx, withParts, xlsxOf } from '../testing/hostileFiles';

const ADMIN = 'import-limits-admin-token-0123';
const MB = 1024 * 1024;
const DRAFT = 'Điều 1. Phạm vi\n1. Khoản một.\n\nĐiều 2. Đối tượng\nNội dung.';

/** The real hub on a loopback port, with import limits small enough to reach in a test. */
async function startHub(): Promise<{ hub: Hub; url: string }> {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'diem-cau-imports-')), 'hub.db'));
  const hub = createHub({
    store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: systemClock,
    logger: pino({ level: 'silent' }), adminToken: ADMIN, sessionTtlMs: 3_600_000,
    // nice 10, not the default 19: with a 1.5-s time limit, a worker at 19 beside the other jest worker's load could be
    // starved past its limit by the machine rather than by the file.
    imports: { workers: 1, timeoutMs: 1_500, memoryMb: 512, nice: 10, limits: { maxInflatedBytes: 16 * MB, maxTextChars: 100_000 } },
  });
  const port = await hub.listen(0, '127.0.0.1');
  return { hub, url: `http://127.0.0.1:${port}` };
}

describe('imports under hostile files, over HTTP', () => {
  let hub: Hub;
  let url: string;
  beforeAll(async () => {
    ({ hub, url } = await startHub());
    // The first import starts the worker (tsx compiles it under jest): not what these tests measure.
    expect((await post('/api/drafts/parse', 'warm.txt', Buffer.from(DRAFT))).status).toBe(200);
  });
  afterAll(() => hub.close());

  async function post(path: string, name: string, data: Uint8Array) {
    const form = new FormData();
    form.append('file', new Blob([data]), name);
    const res = await fetch(`${url}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${ADMIN}` } });
    const body = (await res.json()) as { error?: { code?: string; details?: { reason?: string } }; stats?: unknown };
    return { status: res.status, code: body.error?.code, reason: body.error?.details?.reason, body };
  }

  /** Probes GET /healthz one after another (25 ms apart) until `work` settles and at least `min` answered. */
  async function healthzWhile<T>(work: Promise<T>, min = 20): Promise<{ result: T; latencies: number[] }> {
    let settled = false;
    const done = work.finally(() => { settled = true; });
    const latencies: number[] = [];
    while (!settled || latencies.length < min) {
      const t0 = performance.now();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return { result: await done, latencies: latencies.sort((a, b) => a - b) };
  }
  const p99 = (sorted: number[]) => sorted[Math.ceil(0.99 * sorted.length) - 1] ?? Infinity;

  test('Q20, Q22, Q26: while a draft that takes ~3 s of mammoth runs, /healthz answers under 250 ms p99 (never held for the parse); the job is refused 422 INVALID with reason TIMEOUT and the next import succeeds', async () => {
    const slow = await slowDocx(100_000);
    expect(slow.length).toBeLessThan(200_000);
    const { result, latencies } = await healthzWhile(post('/api/drafts/parse', 'slow.docx', slow));
    expect([result.status, result.code, result.reason]).toEqual([422, 'INVALID', 'TIMEOUT']);
    expect(latencies.length).toBeGreaterThanOrEqual(20);
    // A parse on the hub's thread would hold /healthz for the whole job (~3 s); off it, answers stay within the
    // issue's bound (250 ms) even with the rest of the suite on both cores (100 ms was passed alone, 143–171 ms not).
    expect(p99(latencies)).toBeLessThan(250);
    const next = await post('/api/drafts/parse', 'du-thao.docx', await docxOf(DRAFT.split('\n')));
    expect([next.status, next.body.stats]).toEqual([200, expect.objectContaining({ articles: 2 })]);
  });

  test('Q21: a .docx declaring 1,000 bytes that inflates to 300 MB is refused FILE_TOO_LARGE while inflating; the process grows by less than 100 MB', async () => {
    const bomb = withParts(await docxOf(['Điều 1. A']), { 'word/document.xml': lyingEntry('word/document.xml', 300) });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    const answer = await post('/api/drafts/parse', 'bomb.docx', bomb);
    clearInterval(sampler);
    expect([answer.status, answer.reason]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(peak - baseline).toBeLessThan(100 * MB);
  });

  test('Q21: a hostile .xlsx (a sheet that lies about its size, or admits too much) is refused FILE_TOO_LARGE; a real list still reads', async () => {
    const real = await xlsxOf([['Điểm cầu', 'Đại biểu'], ['Tỉnh ủy Thái Nguyên', 'Dương Xuân Hùng']]);
    const lying = withParts(real, { 'xl/worksheets/sheet1.xml': lyingEntry('xl/worksheets/sheet1.xml', 300) });
    expect((await post('/api/points/parse', 'lying.xlsx', lying)).reason).toBe('FILE_TOO_LARGE');
    const admitting = withParts(real, { 'xl/worksheets/sheet1.xml': lyingEntry('xl/worksheets/sheet1.xml', 1, 64 * MB) });
    expect((await post('/api/points/parse', 'admitting.xlsx', admitting)).reason).toBe('FILE_TOO_LARGE');
    const ok = await post('/api/points/parse', 'real.xlsx', real);
    expect([ok.status, ok.body.stats]).toEqual([200, { rows: 1, points: 1, delegates: 1 }]);
  });

  test('Q24: a draft text or a CSV longer than the text limit is refused FILE_TOO_LARGE before parsing', async () => {
    const longDraft = Buffer.from(`${DRAFT}\n${'Nội dung rất dài. '.repeat(10_000)}`, 'utf8');
    expect(await post('/api/drafts/parse', 'long.txt', longDraft)).toMatchObject({ status: 413, reason: 'FILE_TOO_LARGE' });
    const longCsv = Buffer.from(`Điểm cầu,Đại biểu\n${'Tỉnh ủy Thái Nguyên,Dương Xuân Hùng\n'.repeat(5_000)}`, 'utf8');
    expect(await post('/api/points/parse', 'long.csv', longCsv)).toMatchObject({ status: 413, reason: 'FILE_TOO_LARGE' });
  });
});
