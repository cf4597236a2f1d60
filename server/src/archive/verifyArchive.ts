import { createHash } from 'node:crypto';
import { GENESIS_HASH, eventHash } from '../store/eventChain';
import { ArchiveManifestSchema, LOG_PATH, LogLineSchema, MANIFEST_PATH, type ArchiveManifest, type LogLine } from './archiveManifest';
import { hashEntry, indexTar, readEntry, type TarIndexEntry } from './tarFile';

/** AR2: each thing verify can find wrong, naming the file, the line or the event seq. */
export type ArchiveProblem =
  | { kind: 'manifestUnreadable'; detail: string }
  | { kind: 'fileMissing'; path: string }
  | { kind: 'fileAltered'; path: string }
  | { kind: 'fileUnlisted'; path: string }
  | { kind: 'lineUnreadable'; line: number }
  | { kind: 'eventMissing'; seq: number }
  | { kind: 'eventDuplicated'; seq: number; lines: number[] }
  | { kind: 'eventOutOfOrder'; seq: number; line: number }
  | { kind: 'eventAltered'; seq: number }
  | { kind: 'linkAltered'; seq: number }
  | { kind: 'eventCount'; expected: number; found: number };

export interface ArchiveVerdict { ok: boolean; manifest?: ArchiveManifest; events: number; problems: ArchiveProblem[] }

export function describeProblem(p: ArchiveProblem): string {
  switch (p.kind) {
    case 'manifestUnreadable': return `manifest.json unreadable: ${p.detail}`;
    case 'fileMissing': return `file ${p.path}: listed in the manifest, missing from the archive`;
    case 'fileAltered': return `file ${p.path}: altered (its SHA-256 is not the manifest's)`;
    case 'fileUnlisted': return `file ${p.path}: in the archive, not in the manifest (added)`;
    case 'lineUnreadable': return `log.jsonl line ${p.line}: not an event of the log`;
    case 'eventMissing': return `event seq ${p.seq}: missing from the log (removed)`;
    case 'eventDuplicated': return `event seq ${p.seq}: appears more than once (lines ${p.lines.join(', ')})`;
    case 'eventOutOfOrder': return `event seq ${p.seq}: out of order (at line ${p.line}; reordered)`;
    case 'eventAltered': return `event seq ${p.seq}: altered (its hash no longer matches the chain)`;
    case 'linkAltered': return `event seq ${p.seq}: its stored prevHash was altered`;
    case 'eventCount': return `the log holds ${p.found} events, the manifest says ${p.expected}`;
  }
}

/** The hash the chain expects after event `seq`: the next event's prevHash, or the manifest's head for the last. */
function linkAfter(bySeq: Map<number, LogLine>, seq: number, last: number, head: string): string | undefined {
  return seq === last ? head : bySeq.get(seq + 1)?.prevHash;
}

/** Checks the chain by seq (so a removed or moved line does not make its neighbours look altered), then the order. */
export function checkLog(text: string, manifest: Pick<ArchiveManifest, 'log'>): { events: number; problems: ArchiveProblem[] } {
  const problems: ArchiveProblem[] = [];
  const bySeq = new Map<number, LogLine>();
  const linesOf = new Map<number, number[]>();
  const order: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw === '' && i === text.split('\n').length - 1) return;
    let parsed;
    try {
      parsed = LogLineSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return void problems.push({ kind: 'lineUnreadable', line: i + 1 });
    const e = parsed.data;
    linesOf.set(e.seq, [...(linesOf.get(e.seq) ?? []), i + 1]);
    if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
    order.push(e.seq);
  });
  for (const [seq, lines] of linesOf) if (lines.length > 1) problems.push({ kind: 'eventDuplicated', seq, lines });
  const last = Math.max(manifest.log.events, ...bySeq.keys());
  const hashOf = (e: LogLine) => eventHash(e.prevHash, e);
  for (let seq = 1; seq <= last; seq += 1) {
    const e = bySeq.get(seq);
    if (!e) {
      problems.push({ kind: 'eventMissing', seq });
      continue;
    }
    const before = bySeq.get(seq - 1);
    const expectedPrev = seq === 1 ? GENESIS_HASH : before && hashOf(before);
    const next = linkAfter(bySeq, seq, manifest.log.events, manifest.log.headHash);
    const linkOk = expectedPrev === undefined || e.prevHash === expectedPrev;
    const hashOk = next === undefined || hashOf(e) === next;
    // A link altered breaks both sides of it: the event's own check and the one before's; with its true link the event still hashes right.
    if (!linkOk && expectedPrev !== undefined && (next === undefined || eventHash(expectedPrev, e) === next)) problems.push({ kind: 'linkAltered', seq });
    else if (!hashOk) problems.push({ kind: 'eventAltered', seq });
  }
  // The event before an altered link fails too, with nothing wrong in it: drop that echo.
  const links = new Set(problems.flatMap((p) => (p.kind === 'linkAltered' ? [p.seq - 1] : [])));
  const named = problems.filter((p) => !(p.kind === 'eventAltered' && links.has(p.seq)));
  // A line is out of place when it stands after a higher seq or before a lower one (a removed line breaks no order).
  order.forEach((seq, i) => {
    const before = order[i - 1];
    const after = order[i + 1];
    const moved = (before !== undefined && seq < before) || (after !== undefined && seq > after);
    if (moved && (linesOf.get(seq)?.length ?? 0) <= 1) named.push({ kind: 'eventOutOfOrder', seq, line: i + 1 });
  });
  if (bySeq.size !== manifest.log.events) named.push({ kind: 'eventCount', expected: manifest.log.events, found: bySeq.size });
  return { events: bySeq.size, problems: named };
}

async function sha256(file: string, e: TarIndexEntry): Promise<string> {
  const hash = createHash('sha256');
  await hashEntry(file, e, hash);
  return hash.digest('hex');
}

/** AR2: checks every file against the manifest and the log's chain; says exactly what was altered. */
export async function verifyArchive(file: string): Promise<ArchiveVerdict> {
  const index = await indexTar(file);
  const byPath = new Map(index.map((e) => [e.path, e]));
  const manifestEntry = byPath.get(MANIFEST_PATH);
  if (!manifestEntry) return { ok: false, events: 0, problems: [{ kind: 'manifestUnreadable', detail: 'not in the archive' }] };
  let manifest: ArchiveManifest;
  try {
    const parsed = ArchiveManifestSchema.safeParse(JSON.parse((await readEntry(file, manifestEntry)).toString('utf8')));
    if (!parsed.success) return { ok: false, events: 0, problems: [{ kind: 'manifestUnreadable', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }] };
    manifest = parsed.data;
  } catch (error) {
    return { ok: false, events: 0, problems: [{ kind: 'manifestUnreadable', detail: error instanceof Error ? error.message : String(error) }] };
  }
  const problems: ArchiveProblem[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    const entry = byPath.get(f.path);
    if (!entry) problems.push({ kind: 'fileMissing', path: f.path });
    else if (entry.size !== f.bytes || (await sha256(file, entry)) !== f.sha256) problems.push({ kind: 'fileAltered', path: f.path });
  }
  for (const e of index) if (e.path !== MANIFEST_PATH && !listed.has(e.path)) problems.push({ kind: 'fileUnlisted', path: e.path });
  const logEntry = byPath.get(LOG_PATH);
  const log = logEntry ? checkLog((await readEntry(file, logEntry)).toString('utf8'), manifest) : { events: 0, problems: [] };
  problems.push(...log.problems);
  return { ok: problems.length === 0, manifest, events: log.events, problems };
}
