// npm run archive -- CONFERENCE [--out FILE] [--data-dir DIR] [--recordings DIR]: the conference's archive for the
// archive office, one tar (AR1), from the store the hub uses (DATA_DIR's SQLite, or REDIS_URL's Redis).
import { createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { buildArchive, writeArchive } from '../../server/src/archive/buildArchive';
import type { EventStore } from '../../server/src/store/eventStore';
import { openRedisEventStore } from '../../server/src/store/redisEventStore';
import { openSqliteEventStore } from '../../server/src/store/sqliteEventStore';
import { dataDir, option, positional, runCli } from '../store/storeArgs';

function openStore(dir: string): EventStore {
  if (process.env.REDIS_URL) return openRedisEventStore(new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }));
  const file = join(dir, 'diem-cau.db');
  if (!existsSync(file)) throw new Error(`no store at ${file} (--data-dir DIR, or DATA_DIR)`);
  return openSqliteEventStore(new Database(file, { fileMustExist: true }));
}

void runCli(async () => {
  const conferenceId = positional();
  if (!conferenceId) throw new Error('usage: npm run archive -- CONFERENCE [--out FILE] [--data-dir DIR] [--recordings DIR]');
  const dir = dataDir();
  const out = resolve(option('out') ?? `luu-tru-${conferenceId}.tar`);
  if (existsSync(out)) throw new Error(`${out} exists: an archive is never overwritten`);
  const store = openStore(dir);
  try {
    const now = Date.now();
    const archive = await buildArchive(store, conferenceId, { now, recordingsDir: resolve(option('recordings') ?? join(dir, 'stream', conferenceId, 'rec')) });
    if (!archive) throw new Error(`no conference ${conferenceId} in the store`);
    const file = createWriteStream(out, { flags: 'wx', mode: 0o600 });
    await writeArchive(file, archive, now);
    await new Promise<void>((done, fail) => file.end(() => done()).once('error', fail));
    const { manifest } = archive;
    return `${out}: ${manifest.files.length + 1} files, log of ${manifest.log.events} events, head hash ${manifest.log.headHash}`;
  } finally {
    await store.close();
  }
});
