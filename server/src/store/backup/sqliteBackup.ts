import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateDir, tightenSqliteFiles } from '../../config/privateFiles';

/** The database file of a DATA_DIR (config/stores.ts opens the same). */
export const DATABASE_FILE = 'diem-cau.db';

/** What a backup or a restore holds, read from the copy itself once it is complete. */
export interface StoreSummary {
  conferences: number;
  events: number;
  sessions: number;
  /** The highest seq of each conference. */
  heads: Record<string, number>;
  bytes: number;
}

export class BackupError extends Error {}

/**
 * Copies `source` into `target` with SQLite's online backup API, from a connection of its own: the hub goes on
 * appending meanwhile (WAL). All pages move in one step, inside one read transaction, so the copy is the store as
 * of one moment — every append committed before the step began, hence every acknowledged event — and a write
 * by the hub cannot make it start over, as it would between steps of a few pages.
 */
async function copyDatabase(source: Database.Database, target: string): Promise<void> {
  const part = `${target}.part`;
  rmSync(part, { force: true });
  await source.backup(part, { progress: ({ totalPages }) => totalPages + 1 });
  const copy = new Database(part);
  try {
    // One self-contained file, whatever the source's journal mode.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy failed SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  chmodSync(part, 0o600);
  renameSync(part, target);
}

/** Counts what a database holds (a backup to print, or to check before restoring it). */
export function summarise(file: string): StoreSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('events')) throw new BackupError(`${file} is not a Điểm Cầu store (no events table)`);
    const heads = Object.fromEntries(
      (db.prepare('SELECT conference_id AS id, MAX(seq) AS head FROM events GROUP BY conference_id').all() as Array<{ id: string; head: number }>).map((r) => [r.id, r.head]),
    );
    const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    const sessions = tables.has('sessions') ? (db.prepare('SELECT COUNT(*) FROM sessions').pluck().get() as number) : 0;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return { conferences: Object.keys(heads).length, events, sessions, heads, bytes: pages * pageSize };
  } finally {
    db.close();
  }
}

/** `npm run backup`: a consistent copy of DATA_DIR's store while the hub runs; never overwrites a file. */
export async function backupStore(dataDir: string, out: string): Promise<StoreSummary> {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new BackupError(`no store at ${file}`);
  if (existsSync(out)) throw new BackupError(`${out} exists: choose a new file`);
  const source = new Database(file, { fileMustExist: true });
  try {
    await copyDatabase(source, out);
  } finally {
    source.close();
  }
  return summarise(out);
}

/**
 * `npm run restore`: a backup becomes DATA_DIR's store, for a hub started afterwards. The backup is checked first
 * (integrity, a store's tables); a DATA_DIR that already holds a store is refused unless `replace` (the hub must
 * be stopped: its open connection would keep the old file).
 */
export async function restoreStore(backup: string, dataDir: string, opts: { replace?: boolean } = {}): Promise<StoreSummary> {
  if (!existsSync(backup)) throw new BackupError(`no backup at ${backup}`);
  const expected = summarise(backup);
  const target = join(dataDir, DATABASE_FILE);
  if (existsSync(target) && !opts.replace) throw new BackupError(`${target} exists: restore into an empty DATA_DIR, or pass --replace with the hub stopped`);
  preparePrivateDir(dirname(target));
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(source, `${target}.restored`);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(`${target}.restored`, target);
  tightenSqliteFiles(target);
  const restored = summarise(target);
  if (restored.events !== expected.events) throw new BackupError(`restored ${restored.events} events of the backup's ${expected.events}`);
  return restored;
}
