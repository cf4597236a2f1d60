import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;
/** What SQLite writes beside the database: the write-ahead log, its index, a rollback journal. */
const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

const modeOf = (path: string) => statSync(path).mode & 0o777;
const octal = (mode: number) => mode.toString(8).padStart(3, '0');

/**
 * DATA_DIR holds the database — join codes readable in it, like a meeting's passcodes — and the admin
 * token: only the hub's own user may enter it (Q42). Created 0700; an existing one open to others is
 * closed, or the start stops saying what to run.
 */
export function preparePrivateDir(dir: string): { tightenedFrom?: string } {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  const mode = modeOf(dir);
  if ((mode & 0o077) === 0) return {};
  try {
    chmodSync(dir, OWNER_ONLY_DIR);
  } catch {
    throw new Error(`DATA_DIR ${dir} can be entered by other users (mode ${octal(mode)}) and this user cannot change that: run  chmod 700 ${dir}`);
  }
  return { tightenedFrom: octal(mode) };
}

/** Creates `file` 0600 when missing (SQLite gives its -wal and -shm the database file's mode), or closes an existing one to others. */
export function preparePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  if ((modeOf(file) & 0o077) !== 0) chmodSync(file, OWNER_ONLY_FILE);
}

/** After opening: the database and whatever SQLite created beside it, 0600 (files from older versions were 0644). */
export function tightenSqliteFiles(dbFile: string): void {
  for (const suffix of SQLITE_COMPANIONS) {
    const path = `${dbFile}${suffix}`;
    if (existsSync(path) && (modeOf(path) & 0o077) !== 0) chmodSync(path, OWNER_ONLY_FILE);
  }
}
