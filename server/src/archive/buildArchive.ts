import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import type { ChainedEvent } from '../store/eventChain';
import { archiveFiles, bytesOf } from './archiveFiles';
import { ARCHIVE_FORMAT, LOG_PATH, MANIFEST_PATH, type ArchiveManifest } from './archiveManifest';
import { archiveFilesOffThread } from './archiveThread';
import { writeTar, type TarEntry } from './tarFile';

/** Where an archive's log comes from: the hub (its store) or a store a script opened. */
export interface ArchiveSource { readChained(conferenceId: string): Promise<ChainedEvent[]> }

export interface ArchiveOptions {
  /** Server time: the minutes' running speeches, the manifest's date. */
  now: number;
  /** The conference's recordings, when it has any: every file below is archived under recordings/. */
  recordingsDir?: string;
  /** Render the reports in a worker thread (the hub: its event loop only routes); a script renders them itself. */
  offThread?: boolean;
}

export interface Archive { manifest: ArchiveManifest; entries: TarEntry[] }

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
  const built = o.offThread ? await archiveFilesOffThread(chained, conferenceId, o.now) : await archiveFiles(chained, conferenceId, o.now);
  if (!built) return undefined;
  const files: TarEntry[] = [...built.files.map((f) => bytesOf(f.path, f.data)), ...(await recordingEntries(o.recordingsDir))];
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT, conferenceId, title: built.title, createdAt: new Date(o.now).toISOString(),
    log: { path: LOG_PATH, events: built.seal.events, headHash: built.seal.headHash },
    files: await Promise.all(files.map(async (f) => ({ path: f.path, bytes: f.size, sha256: await sha256Of(f) }))),
  };
  return { manifest, entries: [bytesOf(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)), ...files] };
}

/** Writes the archive as one tar to `out` (a file, an HTTP answer); does not end it. */
export function writeArchive(out: Writable, archive: Archive, now: number): Promise<void> {
  return writeTar(out, archive.entries, Math.floor(now / 1000));
}
