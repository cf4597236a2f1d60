// npm run restore -- FILE [--data-dir DIR] [--replace]: a backup becomes DATA_DIR's store; start the hub afterwards.
// An existing store is replaced only with --replace, and only with the hub stopped.
import { resolve } from 'node:path';
import { restoreStore } from '../../server/src/store/backup/sqliteBackup';
import { dataDir, describe, flag, positional, refuseRedis, runCli } from './storeArgs';

refuseRedis();
void runCli(async () => {
  const file = positional();
  if (!file) throw new Error('usage: npm run restore -- FILE [--data-dir DIR] [--replace]');
  const summary = await restoreStore(resolve(file), dataDir(), { replace: flag('replace') });
  return `restored into ${dataDir()}: ${describe(summary)}\nstart the hub with DATA_DIR=${dataDir()} (npm start)`;
});
