import { resolve } from 'node:path';
import type { StoreSummary } from '../../server/src/store/backup/sqliteBackup';

/** `--name value` from the command line, or the first argument that is not an option or an option's value. */
export const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 1 ? process.argv[i + 1] : undefined;
};
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);
export const positional = (): string | undefined => process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));

/** The hub's DATA_DIR, as main.ts resolves it: --data-dir, else the environment, else ./data. */
export const dataDir = (): string => resolve(option('data-dir') ?? process.env.DATA_DIR ?? './data');

/** With REDIS_URL the log lives in Redis: these scripts do not copy it (README → Operating: backup). */
export function refuseRedis(): void {
  if (!process.env.REDIS_URL) return;
  process.stderr.write('REDIS_URL is set: the log and sessions are in Redis. Back up Redis itself (README, "Backup and restore": BGREWRITEAOF or BGSAVE, then copy appendonlydir/ or dump.rdb; npm run check:redis-backup -- DIR checks a copy loads).\n');
  process.exit(2);
}

export const describe = (s: StoreSummary): string =>
  `${s.conferences} conferences, ${s.events} events, ${s.sessions} sessions, ${(s.bytes / 1024 / 1024).toFixed(1)} MB` +
  Object.entries(s.heads).map(([id, head]) => `\n  ${id}: ${head} events`).join('');

export async function runCli(main: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(`${await main()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
