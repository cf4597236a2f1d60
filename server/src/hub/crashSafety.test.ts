import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { startChildNode } from '../testing/childNode';
import { TestClient } from '../testing/testClient';

const ADMIN = 'crash-test-admin-token-0123';
/**
 * Eight writers share one secretary's socket to keep many appends in flight at the kill: the session's and the
 * code's command quotas are lifted so that they measure crash safety, not the pacing of a socket with eight
 * senders of one kind (a console has one, Q18).
 */
const UNLIMITED_COMMANDS = { QUOTA_SESSION_COMMANDS_PER_S: '100000', QUOTA_SESSION_COMMAND_BURST: '100000', QUOTA_CODE_COMMANDS_PER_S: '100000', QUOTA_CODE_COMMAND_BURST: '100000' };
const startHub = (dataDir: string) => startChildNode({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, ...UNLIMITED_COMMANDS });

describe('crash safety', () => {
  it('H6: after SIGKILL and restart every acknowledged comment is present, none twice; retries apply once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-crash-'));
    let hub = await startHub(dataDir);
    const created = await fetch(`${hub.url}/api/conferences`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ ...FIXTURE_SETUP, id: 'hn-crash' }),
    });
    const { joinCodes } = (await created.json()) as { joinCodes: Array<{ role: string; code: string }> };
    const code = joinCodes.find((c) => c.role === 'secretary')?.code;
    const session = (await (await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
    const sec = await TestClient.connect(hub.url, session.token, 'hn-crash');

    const acked = new Set<string>();
    const sent: Array<Record<string, unknown>> = [];
    let stop = false;
    /** Sends like a console does: wait as told while RATE_LIMITED, give up when the hub is gone. */
    const sendUntilAnswered = async (client: TestClient, command: Record<string, unknown>) => {
      for (;;) {
        const res = await client.send(command);
        if (res.ok || res.error.code !== 'RATE_LIMITED') return res;
        await new Promise((r) => setTimeout(r, (res.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 50));
      }
    };
    const worker = async () => {
      while (!stop) {
        const command = { commandId: randomUUID(), conferenceId: 'hn-crash', type: 'comment.log', kind: 'agree', text: `Ý kiến ${sent.length}` };
        sent.push(command);
        try {
          if ((await sendUntilAnswered(sec, command)).ok) acked.add(command.commandId);
        } catch {
          return;
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 10));
    await hub.kill();
    stop = true;
    await Promise.all(workers);
    sec.close();
    const ackedAtKill = new Set(acked);

    hub = await startHub(dataDir);
    try {
      // The session token survives the restart; retry everything ever sent, acked or not.
      const again = await TestClient.connect(hub.url, session.token, 'hn-crash');
      for (const command of sent) {
        const res = await sendUntilAnswered(again, command);
        expect(res.ok ? 'ok' : JSON.stringify(res.error)).toBe('ok');
      }
      const state = (await (await fetch(`${hub.url}/api/conferences/hn-crash/state`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { state: { comments: { ids: string[] } } };
      const ids = state.state.comments.ids;
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(sent.length);
      for (const id of ackedAtKill) expect(ids).toContain(id);
      again.close();
    } finally {
      await hub.kill();
    }
  }, 60_000);
});
