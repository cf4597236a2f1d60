/**
 * Records a conference log written by the previous release (PREVIOUS_RELEASE), for the upcast test (U4): the
 * release is built from git and run on a fresh SQLite store; a conference goes through every kind of event its
 * consoles produce (floor, comments, budgets, the end); the log and the state its consoles showed are saved as
 * server/src/store/fixtures/release-<commit>.json. Run at each release, after moving PREVIOUS_RELEASE:
 *   npx tsx scripts/upgrade/recordReleaseLog.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURE_SETUP } from '../../shared/src/testing';
import { openSqliteEventStore } from '../../server/src/store/sqliteEventStore';
import { startChildNode } from '../../server/src/testing/childNode';
import { joinAt, postJson, until, type JoinCodes } from '../../server/src/testing/nodeSessions';
import { buildPreviousRelease, PREVIOUS_RELEASE } from '../../server/src/testing/previousRelease';
import type { TestClient } from '../../server/src/testing/testClient';

const ADMIN = 'record-release-admin-token-0123';
const ID = 'hn-ban-cu';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-record-'));
  const node = await startChildNode({ ADMIN_TOKEN: ADMIN, DATA_DIR: dir }, { root: buildPreviousRelease() });
  const clients: TestClient[] = [];
  try {
    const created = await postJson(node.url, '/api/conferences', { ...FIXTURE_SETUP, id: ID }, ADMIN);
    if (created.status !== 201) throw new Error(`create: ${created.status}`);
    const codes = created.body.joinCodes as JoinCodes;
    const enter = async (role: string, pointId?: string) => {
      const c = await joinAt(node.url, codes, role, pointId);
      clients.push(c);
      return c;
    };
    const chair = await enter('chair');
    const organiser = chair;
    const tn = await enter('point', 'thai-nguyen');
    const hg = await enter('point', 'ha-giang');
    const secretary = await enter('secretary');
    const must = async (c: TestClient, input: Record<string, unknown>) => {
      const res = await c.send({ commandId: randomUUID(), conferenceId: ID, ...input });
      if (!res.ok) throw new Error(`${String(input.type)}: ${JSON.stringify(res.error)}`);
      await until(() => c.seq >= res.seq, `${String(input.type)} seen`);
      return res.seq;
    };
    await must(organiser, { type: 'budget.defineGroups', groups: [{ id: 'khoi-bac', name: 'Khối tỉnh phía Bắc', pointIds: ['thai-nguyen', 'ha-giang'] }] });
    await must(organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 600 });
    await must(chair, { type: 'conference.start' });
    await must(chair, { type: 'agenda.activate', itemId: 'thao-luan' });
    await must(tn, { type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' }, articles: [{ article: 1 }, { article: 2, clause: 1 }] });
    await must(hg, { type: 'floor.request', pointId: 'ha-giang', delegate: { name: 'Đại biểu Hà Giang', position: 'Phó Bí thư' }, articles: [{ article: 2 }] });
    await must(chair, { type: 'floor.reorder', requestId: chair.state?.queue[1], toIndex: 0 });
    await must(chair, { type: 'floor.grant', requestId: chair.state?.queue[0] });
    const first = chair.state?.currentSpeechId;
    await must(chair, { type: 'floor.pause', speechId: first });
    await must(chair, { type: 'floor.resume', speechId: first });
    await must(chair, { type: 'floor.extend', speechId: first, seconds: 60 });
    const logged = await must(secretary, { type: 'comment.log', speechId: first, kind: 'amend', text: 'Đề nghị sửa khoản 1 Điều 2', articles: [{ article: 2, clause: 1 }] });
    const commentId = secretary.state ? [...secretary.state.comments].at(-1)?.id : undefined;
    await must(secretary, { type: 'comment.edit', commentId, text: 'Đề nghị sửa khoản 1 Điều 2 cho rõ thẩm quyền' });
    await must(secretary, { type: 'comment.log', speechId: first, kind: 'agree', text: 'Nhất trí Điều 1', articles: [{ article: 1 }] });
    await must(chair, { type: 'floor.release', speechId: first });
    await must(chair, { type: 'floor.grant', requestId: chair.state?.queue[0] });
    const second = chair.state?.currentSpeechId;
    await must(secretary, { type: 'comment.log', speechId: second, kind: 'other', text: 'Bổ sung quy định chuyển tiếp', articles: [{ article: 2 }] });
    await must(chair, { type: 'budget.addTime', target: { kind: 'point', pointId: 'thai-nguyen' }, seconds: 30 });
    await must(chair, { type: 'floor.revoke', speechId: second, reason: 'Hết thời gian' });
    await must(chair, { type: 'queue.close' });
    await must(chair, { type: 'queue.open' });
    const last = await must(chair, { type: 'conference.end' });
    void logged;
    const db = new Database(join(dir, 'diem-cau.db'), { readonly: false });
    const events = await openSqliteEventStore(db).readSince(ID, 0);
    if (events.length !== last) throw new Error(`read ${events.length} events, expected ${last}`);
    const out = resolve(__dirname, '../../server/src/store/fixtures', `release-${PREVIOUS_RELEASE.commit.slice(0, 12)}.json`);
    writeFileSync(out, `${JSON.stringify({ release: PREVIOUS_RELEASE, events, shown: chair.state }, null, 1)}\n`);
    console.log(`${events.length} events written by ${PREVIOUS_RELEASE.commit.slice(0, 12)} → ${out}`);
  } catch (error) {
    console.error(node.output().slice(-3000));
    throw error;
  } finally {
    for (const c of clients) c.close();
    await node.kill();
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
