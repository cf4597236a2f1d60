// npm run backup -- --out FILE [--data-dir DIR]: a consistent copy of the embedded SQLite store while the hub runs
// (SQLite's online backup API, one read transaction: every event acknowledged before it began is in the copy).
import { resolve } from 'node:path';
import { backupStore } from '../../server/src/store/backup/sqliteBackup';
import { dataDir, describe, option, refuseRedis, runCli } from './storeArgs';

refuseRedis();
void runCli(async () => {
  const out = option('out');
  if (!out) throw new Error('usage: npm run backup -- --out FILE [--data-dir DIR]');
  const started = Date.now();
  const summary = await backupStore(dataDir(), resolve(out));
  return `backup ${resolve(out)} written in ${Date.now() - started} ms: ${describe(summary)}`;
});
