import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { replay, type StoredEvent } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { startChildNode, type ChildNode } from '../../testing/childNode';
import { TestClient } from '../../testing/testClient';

const ROOT = resolve(__dirname, '../../../..');
const ADMIN = 'backup-test-admin-token-0123';
const CONF = 'hn-backup';
const run = promisify(execFile);
/** The scripts as `npm run backup` / `npm run restore` run them. */
const script = (name: string, args: string[]) => run(process.execPath, ['--import', 'tsx', `scripts/store/${name}.ts`, ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '' } });
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

async function secretaryOf(hub: ChildNode): Promise<{ client: TestClient; token: string }> {
  const created = await fetch(`${hub.url}/api/conferences`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ ...FIXTURE_SETUP, id: CONF }),
  });
  const { joinCodes } = (await created.json()) as { joinCodes: Array<{ role: string; code: string }> };
  const code = joinCodes.find((c) => c.role === 'secretary')?.code;
  const session = (await (await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
  return { client: await TestClient.connect(hub.url, session.token, CONF), token: session.token };
}

describe('backup and restore of the embedded store', () => {
  it('OP1: a backup taken under a stream of commands holds every event acknowledged before it began; restored, a new hub serves the same state', async () => {
    const liveDir = mkdtempSync(join(tmpdir(), 'diem-cau-live-'));
    // Four writers on one socket keep appends flowing through the backup: the command quotas are lifted so that
    // they are not paced as a socket with four senders of one kind would be (a console has one, Q18).
    const live = await startChildNode({ DATA_DIR: liveDir, ADMIN_TOKEN: ADMIN, QUOTA_SESSION_COMMANDS_PER_S: '100000', QUOTA_SESSION_COMMAND_BURST: '100000', QUOTA_CODE_COMMANDS_PER_S: '100000', QUOTA_CODE_COMMAND_BURST: '100000' });
    const { client: sec, token } = await secretaryOf(live);
    const acked = new Set<string>();
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const commandId = randomUUID();
        const res = await sec.send({ commandId, conferenceId: CONF, type: 'comment.log', kind: 'agree', text: `Ý kiến ${acked.size} về Điều 5` });
        if (res.ok) acked.add(commandId);
        // RATE_LIMITED: wait as a console does, for the retryAfterMs given (one that asks sooner is paced, Q18).
        else await new Promise((r) => setTimeout(r, (res.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 50));
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    let backupOut = '';
    let ackedBefore = new Set<string>();
    let ackedAfter = 0;
    try {
      while (acked.size < 150) await new Promise((r) => setTimeout(r, 10));
      ackedBefore = new Set(acked);
      const out = join(mkdtempSync(join(tmpdir(), 'diem-cau-backup-')), 'backup.db');
      backupOut = (await script('backup', ['--out', out, '--data-dir', liveDir])).stdout;
      // Commands went on during the copy and go on after it.
      const target = acked.size + 40;
      while (acked.size < target) await new Promise((r) => setTimeout(r, 10));
      ackedAfter = acked.size;
      expect(statSync(out).mode & 0o777).toBe(0o600);
      await expect(script('backup', ['--out', out, '--data-dir', liveDir])).rejects.toMatchObject({ stderr: expect.stringContaining('exists') });

      const restoredDir = join(mkdtempSync(join(tmpdir(), 'diem-cau-restored-')), 'data');
      const restoreOut = (await script('restore', [out, '--data-dir', restoredDir])).stdout;
      expect(restoreOut).toContain('restored into');
      await expect(script('restore', [out, '--data-dir', restoredDir])).rejects.toMatchObject({ stderr: expect.stringContaining('--replace') });
      stop = true;
      await Promise.all(writers);

      const restored = await startChildNode({ DATA_DIR: restoredDir, ADMIN_TOKEN: ADMIN });
      try {
        // Sessions are in the store too: the secretary's token opens the restored hub.
        const reader = await TestClient.connect(restored.url, token, CONF);
        const restoredState = reader.state;
        const commentIds = new Set(restoredState?.comments.ids ?? []);
        for (const id of ackedBefore) expect(commentIds.has(id)).toBe(true);
        // The copy is the live log as of one moment: a prefix of it, folded to the same state.
        const liveLog = [...sec.received].sort((a, b) => a.seq - b.seq);
        const seq = reader.state?.seq ?? 0;
        expect(seq).toBeGreaterThanOrEqual(ackedBefore.size);
        expect(seq).toBeLessThan(liveLog.length);
        expect(plain(restoredState)).toEqual(plain(replay(liveLog.slice(0, seq) as StoredEvent[])));
        reader.close();
      } finally {
        await restored.kill();
      }
      expect(backupOut).toMatch(new RegExp(`${CONF}: \\d+ events`));
      expect(ackedAfter).toBeGreaterThan(ackedBefore.size);
    } finally {
      stop = true;
      await Promise.all(writers);
      sec.close();
      await live.kill();
    }
  }, 90_000);
});

