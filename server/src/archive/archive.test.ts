import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { runShortConference } from '../testing/shortConference';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';
import { buildArchive, writeArchive } from './buildArchive';
import { indexTar, readEntry, writeTar, type TarEntry } from './tarFile';
import { describeProblem, verifyArchive } from './verifyArchive';

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe('the conference archive (AR1–AR3, HC4)', () => {
  let hub: TestHub;
  let conferenceId: string;
  let liveId: string;
  let archive: string;
  let dir: string;

  const askLink = (id: string, body: unknown = {}) => fetch(`${hub.url}/api/conferences/${id}/archive-links`, { method: 'POST', headers: admin, body: JSON.stringify(body) });

  beforeAll(async () => {
    hub = await TestHub.start();
    dir = mkdtempSync(join(tmpdir(), 'diem-cau-archive-'));
    const created = await hub.createConference();
    conferenceId = created.conferenceId;
    liveId = (await hub.createConference()).conferenceId;
    await runShortConference(hub, created.joinCodes, { spoken: 'Đề nghị sửa khoản 2 cho rõ', written: 'Bổ sung quy định chuyển tiếp' });
    const link = (await (await askLink(conferenceId)).json()) as { url: string };
    const res = await fetch(`${hub.url}${link.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    archive = join(dir, 'archive.tar');
    writeFileSync(archive, Buffer.from(await res.arrayBuffer()));
  });
  afterAll(async () => {
    await hub.stop();
  });

  /** A copy of the archive with one entry's bytes changed (or dropped, or one added), the manifest left as it was. */
  async function tampered(name: string, change: (path: string, data: Buffer) => Buffer | undefined, extra: TarEntry[] = [], source = archive): Promise<string> {
    const entries: TarEntry[] = [];
    for (const e of await indexTar(source)) {
      const data = change(e.path, await readEntry(source, e));
      if (data) entries.push({ path: e.path, size: data.length, data });
    }
    const file = join(dir, `${name}.tar`);
    const out = createWriteStream(file);
    await writeTar(out, [...entries, ...extra], 0);
    await new Promise<void>((resolve) => out.end(resolve));
    return file;
  }
  const editLog = (edit: (lines: string[]) => string[]) => (path: string, data: Buffer) =>
    (path === 'log.jsonl' ? Buffer.from(`${edit(data.toString('utf8').trimEnd().split('\n')).join('\n')}\n`) : data);
  const problemsOf = async (file: string) => (await verifyArchive(file)).problems;

  it('AR3: the archive is refused before the conference ends, without the admin token, and for a body with fields', async () => {
    expect((await askLink(liveId)).status).toBe(409);
    expect(((await (await askLink(liveId)).json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
    expect((await fetch(`${hub.url}/api/conferences/${conferenceId}/archive-links`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await askLink(conferenceId, { file: 'x' })).status).toBe(400);
    expect((await askLink('hn-none')).status).toBe(404);
  });

  it('AR3: an archive link opens once: the second use is 404 LINK_USED_OR_EXPIRED', async () => {
    const { url } = (await (await askLink(conferenceId)).json()) as { url: string };
    expect((await fetch(`${hub.url}${url}`)).status).toBe(200);
    const again = await fetch(`${hub.url}${url}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('LINK_USED_OR_EXPIRED');
  });

  it('AR3: a download cancelled midway leaves the hub serving: the next archive comes whole', async () => {
    const first = (await (await askLink(conferenceId)).json()) as { url: string };
    const aborted = new AbortController();
    const res = await fetch(`${hub.url}${first.url}`, { signal: aborted.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    aborted.abort();
    const second = (await (await askLink(conferenceId)).json()) as { url: string };
    const file = join(dir, 'after-cancel.tar');
    writeFileSync(file, Buffer.from(await (await fetch(`${hub.url}${second.url}`)).arrayBuffer()));
    expect((await verifyArchive(file)).problems).toEqual([]);
  });

  it('AR1: the downloaded archive holds the log, the drafts, both reports in every format and a manifest; verify finds nothing altered', async () => {
    const verdict = await verifyArchive(archive);
    expect(verdict.problems).toEqual([]);
    const paths = verdict.manifest?.files.map((f) => f.path) ?? [];
    expect(paths[0]).toBe('log.jsonl');
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^draft\/.*\.json$/), expect.stringMatching(/^draft\/.*\.txt$/)]));
    for (const ext of ['docx', 'xlsx', 'html']) expect(paths.filter((p) => p.startsWith('reports/') && p.endsWith(`.${ext}`))).toHaveLength(2);
    expect(paths.filter((p) => p.endsWith('.csv')).length).toBeGreaterThanOrEqual(4);
    const head = await hub.hub.hub.chainHead(conferenceId, (await hub.hub.hub.readChained(conferenceId)).length);
    expect(verdict.manifest?.log).toEqual({ path: 'log.jsonl', events: head.seq, headHash: head.hash });
    expect(verdict.events).toBe(head.seq);
    // Any tar reads it.
    expect(execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).split('\n')).toEqual(expect.arrayContaining(['manifest.json', 'log.jsonl', ...paths]));
  });

  it('HC4: every report in the archive, and the report downloads, print the event count and the head hash', async () => {
    const { manifest } = await verifyArchive(archive);
    const hash = manifest?.log.headHash ?? 'none';
    const events = manifest?.log.events ?? -1;
    for (const e of await indexTar(archive)) {
      if (!e.path.startsWith('reports/')) continue;
      const data = await readEntry(archive, e);
      let text = data.toString('utf8');
      if (e.path.endsWith('.docx')) text = (await mammoth.extractRawText({ buffer: data })).value;
      if (e.path.endsWith('.xlsx')) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(data as unknown as ArrayBuffer);
        const sheet = book.getWorksheet('Chuỗi băm nhật ký');
        text = [1, 2, 3].map((r) => (sheet?.getRow(r).values as unknown[] | undefined)?.join(' ') ?? '').join('\n');
      }
      expect([e.path, text.includes(hash), text.includes(String(events))]).toEqual([e.path, true, true]);
    }
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}/reports/minutes.csv`, { headers: admin });
    expect(await res.text()).toContain(`Mã băm cuối của nhật ký (SHA-256),${hash}`);
  });

  it('AR1: files under the conference\'s recordings directory are archived and listed with their SHA-256', async () => {
    const recordings = join(dir, 'rec');
    mkdirSync(join(recordings, 'run-1'), { recursive: true });
    writeFileSync(join(recordings, 'run-1', 'index.m3u8'), '#EXTM3U\n');
    writeFileSync(join(recordings, 'run-1', 'seg-00001.ts'), Buffer.alloc(70_000, 7));
    const built = await buildArchive(hub.hub.hub, conferenceId, { now: Date.now(), recordingsDir: recordings });
    expect(built?.manifest.files.filter((f) => f.path.startsWith('recordings/')).map((f) => [f.path, f.bytes])).toEqual([['recordings/run-1/index.m3u8', 8], ['recordings/run-1/seg-00001.ts', 70_000]]);
    const file = join(dir, 'with-recordings.tar');
    const out = createWriteStream(file);
    if (built) await writeArchive(out, built, Date.now());
    await new Promise<void>((resolve) => out.end(resolve));
    expect((await verifyArchive(file)).problems).toEqual([]);
    const seg = await tampered('recording', (path, data) => (path.endsWith('.ts') ? Buffer.concat([data.subarray(0, 100), Buffer.from([8]), data.subarray(101)]) : data), [], file);
    expect(await problemsOf(seg)).toEqual([{ kind: 'fileAltered', path: 'recordings/run-1/seg-00001.ts' }]);
  });

  it('AR2: one event altered is named by its seq (and the log file as altered)', async () => {
    const file = await tampered('altered', editLog((lines) => lines.map((l) => l.replace('Đề nghị sửa khoản 2 cho rõ', 'Đề nghị giữ nguyên khoản 2'))));
    const problems = await problemsOf(file);
    const seq = (await hub.hub.hub.readChained(conferenceId)).find((e) => e.type === 'comment.logged')?.seq;
    expect(problems).toEqual([{ kind: 'fileAltered', path: 'log.jsonl' }, { kind: 'eventAltered', seq }]);
    expect(problems.map(describeProblem)).toContain(`event seq ${seq}: altered (its hash no longer matches the chain)`);
  });

  it('AR2: the last event altered is named too (the manifest\'s head hash is its check)', async () => {
    const file = await tampered('last', editLog((lines) => lines.map((l, i) => (i === lines.length - 1 ? l.replace(/"at":\d+/, '"at":1') : l))));
    const { manifest } = await verifyArchive(archive);
    expect(await problemsOf(file)).toEqual([{ kind: 'fileAltered', path: 'log.jsonl' }, { kind: 'eventAltered', seq: manifest?.log.events }]);
  });

  it('AR2: one event removed is named as missing, and nothing around it as altered', async () => {
    const file = await tampered('removed', editLog((lines) => lines.filter((_, i) => i !== 3)));
    expect(await problemsOf(file)).toEqual([{ kind: 'fileAltered', path: 'log.jsonl' }, { kind: 'eventMissing', seq: 4 }, expect.objectContaining({ kind: 'eventCount' })]);
  });

  it('AR2: two events swapped are named as out of order, not altered', async () => {
    const file = await tampered('reordered', editLog((lines) => lines.map((l, i) => (i === 2 ? lines[3] : i === 3 ? lines[2] : l) ?? l)));
    expect(await problemsOf(file)).toEqual([{ kind: 'fileAltered', path: 'log.jsonl' }, { kind: 'eventOutOfOrder', seq: 4, line: 3 }, { kind: 'eventOutOfOrder', seq: 3, line: 4 }]);
  });

  it('AR2: an event\'s stored prevHash altered is named as that link, not the event before it', async () => {
    const file = await tampered('link', editLog((lines) => lines.map((l, i) => (i === 5 ? l.replace(/"prevHash":"[0-9a-f]/, '"prevHash":"x').replace('"prevHash":"x', `"prevHash":"${/"prevHash":"([0-9a-f])/.exec(l)?.[1] === 'a' ? 'b' : 'a'}`) : l))));
    expect(await problemsOf(file)).toEqual([{ kind: 'fileAltered', path: 'log.jsonl' }, { kind: 'linkAltered', seq: 6 }]);
  });

  it('AR2: one byte of a report changed, a file removed or a file added is named by its path', async () => {
    const docx = (await verifyArchive(archive)).manifest?.files.find((f) => f.path.endsWith('.docx'))?.path ?? '';
    const flipped = await tampered('byte', (path, data) => (path === docx ? Buffer.concat([data.subarray(0, 200), Buffer.from([data[200] === 0 ? 1 : 0]), data.subarray(201)]) : data));
    expect(await problemsOf(flipped)).toEqual([{ kind: 'fileAltered', path: docx }]);
    const removed = await tampered('gone', (path, data) => (path === docx ? undefined : data));
    expect(await problemsOf(removed)).toEqual([{ kind: 'fileMissing', path: docx }]);
    const added = await tampered('added', (_path, data) => data, [{ path: 'reports/extra.txt', size: 2, data: Buffer.from('hi') }]);
    expect(await problemsOf(added)).toEqual([{ kind: 'fileUnlisted', path: 'reports/extra.txt' }]);
  });
});
