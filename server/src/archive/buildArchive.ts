import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { buildMinutes, buildSynthesis, renderDraftText, replay, reportHeaderOf, type StoredEvent } from '@diem-cau/shared';
import { asciiFileName, reportFileName } from '../reports/reportFileName';
import { REPORT_FORMATS, renderReport, tablesOf, type ReportModel } from '../reports/reportFormats';
import { eventHash, GENESIS_HASH, withoutLink, type ChainedEvent } from '../store/eventChain';
import { ARCHIVE_FORMAT, LOG_PATH, MANIFEST_PATH, type ArchiveManifest } from './archiveManifest';
import { writeTar, type TarEntry } from './tarFile';

/** Where an archive's log comes from: the hub (its store) or a store a script opened. */
export interface ArchiveSource { readChained(conferenceId: string): Promise<ChainedEvent[]> }

export interface ArchiveOptions {
  /** Server time: the minutes' running speeches, the manifest's date. */
  now: number;
  /** The conference's recordings, when it has any: every file below is archived under recordings/. */
  recordingsDir?: string;
}

export interface Archive { manifest: ArchiveManifest; entries: TarEntry[] }

const bytesOf = (path: string, data: Buffer): TarEntry => ({ path, size: data.length, data });

/** AR1: the log as JSON Lines, one stored event and its prevHash per line, in seq order. */
export function logLines(events: readonly ChainedEvent[]): Buffer {
  return Buffer.from(events.map((e) => `${JSON.stringify({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, commandId: e.commandId, payload: e.payload, prevHash: e.prevHash })}\n`).join(''), 'utf8');
}

/** Every draft the log holds: the one the conference was created with, and each one a later setup replaced it with. */
function draftEntries(events: readonly StoredEvent[]): TarEntry[] {
  return events.flatMap((e) => {
    if (e.type !== 'conference.created' && e.type !== 'conference.configured') return [];
    const draft = e.payload.setup.draft;
    const base = `draft/du-thao-su-kien-${e.seq}`;
    return [bytesOf(`${base}.json`, Buffer.from(`${JSON.stringify(draft, null, 2)}\n`)), bytesOf(`${base}.txt`, Buffer.from(renderDraftText(draft), 'utf8'))];
  });
}

/** Both reports in every format, each CSV view apart, each printing the log's seal (HC4). */
async function reportEntries(models: readonly ReportModel[], conferenceId: string, now: number): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  for (const model of models) {
    const header = reportHeaderOf(model.report.conference, {});
    for (const format of REPORT_FORMATS) {
      const name = asciiFileName(reportFileName(model.kind, format, conferenceId));
      const views = format === 'csv' ? tablesOf(model).map((t) => t.key) : [undefined];
      for (const view of views) {
        const body = await renderReport(model, format, { header, now: new Date(now), ...(view ? { view } : {}) });
        if (body) entries.push(bytesOf(`reports/${view ? name.replace(/\.csv$/, `-${view}.csv`) : name}`, body));
      }
    }
  }
  return entries;
}

async function filesBelow(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) found.push(...(await filesBelow(path)));
    else if (d.isFile()) found.push(path);
  }
  return found.sort();
}

async function recordingEntries(dir: string | undefined): Promise<TarEntry[]> {
  if (!dir || !existsSync(dir)) return [];
  return Promise.all((await filesBelow(dir)).map(async (file) => ({ path: `recordings/${relative(dir, file).split(sep).join('/')}`, size: (await stat(file)).size, file })));
}

async function sha256Of(e: TarEntry): Promise<string> {
  const hash = createHash('sha256');
  if ('data' in e) return hash.update(e.data).digest('hex');
  for await (const chunk of createReadStream(e.file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What an archive of the conference holds, manifest first; undefined for a conference with no log. */
export async function buildArchive(source: ArchiveSource, conferenceId: string, o: ArchiveOptions): Promise<Archive | undefined> {
  const chained = await source.readChained(conferenceId);
  const events = chained.map(withoutLink);
  const state = replay(events);
  const last = chained.at(-1);
  if (!state || !last) return undefined;
  const seal = { events: last.seq, headHash: eventHash(last.prevHash, last) };
  const minutes = buildMinutes(events, { now: o.now, responses: {} });
  const models: ReportModel[] = [{ kind: 'synthesis', report: buildSynthesis(state, { responses: {} }), seal }, ...(minutes ? [{ kind: 'minutes' as const, report: minutes, seal }] : [])];
  const files = [bytesOf(LOG_PATH, logLines(chained)), ...draftEntries(events), ...(await reportEntries(models, conferenceId, o.now)), ...(await recordingEntries(o.recordingsDir))];
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT, conferenceId, title: state.title, createdAt: new Date(o.now).toISOString(),
    log: { path: LOG_PATH, events: seal.events, headHash: seal.headHash ?? GENESIS_HASH },
    files: await Promise.all(files.map(async (f) => ({ path: f.path, bytes: f.size, sha256: await sha256Of(f) }))),
  };
  return { manifest, entries: [bytesOf(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)), ...files] };
}

/** Writes the archive as one tar to `out` (a file, an HTTP answer); does not end it. */
export function writeArchive(out: Writable, archive: Archive, now: number): Promise<void> {
  return writeTar(out, archive.entries, Math.floor(now / 1000));
}
