import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { RedisServer } from '../../testing/redisServer';
import type { NewEvent } from '../eventStore';
import { openRedisEventStore } from '../redisEventStore';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);
const check = (dir: string) => run(process.execPath, ['--import', 'tsx', 'scripts/store/checkRedisBackup.ts', dir], { cwd: ROOT });
const actor = { role: 'secretary' as const, sessionId: 's1' };
const logged = (n: number): NewEvent => ({ type: 'comment.logged', at: n, actor, payload: { commentId: `c${n}`, articles: [], kind: 'agree', text: `Ý kiến ${n}`, source: 'spoken' } });

describe('a copy of Redis’s data directory, checked', () => {
  it('OP2: a copy of appendonlydir/ taken as README says loads, and the script names what it holds; a damaged copy is refused', async () => {
    const aofDir = mkdtempSync(join(tmpdir(), 'diem-cau-aof-'));
    const redis = await RedisServer.start({ aofDir });
    const client = redis.client();
    try {
      const store = openRedisEventStore(client);
      for (let i = 0; i < 5; i += 1) await store.append('hn-redis', i, randomUUID(), [logged(i + 1)]);
      await store.append('hn-other', 0, randomUUID(), [logged(1)]);
      // README's procedure: rewrite the append-only file, wait for the rewrite to end, copy the directory.
      await client.bgrewriteaof();
      while (/aof_rewrite_in_progress:1|aof_rewrite_scheduled:1/.test(await client.info('persistence'))) await new Promise((r) => setTimeout(r, 50));
      const backup = mkdtempSync(join(tmpdir(), 'diem-cau-aof-copy-'));
      cpSync(aofDir, backup, { recursive: true });

      const { stdout } = await check(backup);
      expect(stdout).toContain('loads (append-only file)');
      expect(stdout).toMatch(/2 conferences, 6 events/);
      expect(stdout).toContain('hn-redis: 5 events');

      const damaged = mkdtempSync(join(tmpdir(), 'diem-cau-aof-damaged-'));
      cpSync(aofDir, damaged, { recursive: true });
      const manifest = readdirSync(join(damaged, 'appendonlydir')).find((f) => f.endsWith('.manifest'));
      writeFileSync(join(damaged, 'appendonlydir', manifest ?? 'missing.manifest'), 'file nothing-here seq 1 type q\n');
      await expect(check(damaged)).rejects.toMatchObject({ stderr: expect.stringContaining('refused the copy') });
    } finally {
      client.disconnect();
      await redis.stop();
    }
  }, 60_000);
});
