import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, type Ack, type ConferenceState } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { openRedisEventStore } from '../store/redisEventStore';
import { startChildNode, type ChildNode } from '../testing/childNode';
import { joinAt, postJson, type JoinCodes } from '../testing/nodeSessions';
import { RedisServer } from '../testing/redisServer';
import type { TestClient } from '../testing/testClient';

/**
 * Random commands from random actors, each sent at once to two nodes with the same commandId, while nodes
 * are SIGKILLed and restarted at random points. Reproduce a failure with CLUSTER_SEED=<the printed seed>.
 */
const ADMIN = 'property-admin-token-01234567';
const LEASE = { LEASE_TTL_MS: '1000', LEASE_RENEW_MS: '200' };
/** The viewer syncs before every step: a pace no console keeps, so the sync quota (Q4) is opened wide here. */
const SYNCS = { QUOTA_SESSION_SYNCS_PER_S: '1000', QUOTA_SESSION_SYNC_BURST: '1000' };
const STEPS = 36;
const ACTORS = [
  { role: 'chair' }, { role: 'secretary' }, { role: 'point', pointId: 'thai-nguyen' }, { role: 'point', pointId: 'ha-giang' }, { role: 'point', pointId: 'bac-kan' },
] as const;
type ActorSpec = (typeof ACTORS)[number];

jest.setTimeout(240_000);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A command an actor might send given what it sees; some are meant to be refused. */
function commandFor(actor: ActorSpec, state: ConferenceState, pick: <T>(xs: readonly T[]) => T, rnd: () => number): Record<string, unknown> {
  const speechId = state.currentSpeechId;
  const base = { commandId: randomUUID(), conferenceId: state.id };
  if (actor.role === 'chair') {
    if (state.status !== 'live') return { ...base, type: 'conference.start' };
    const options: Array<Record<string, unknown>> = [{ type: 'floor.grant', requestId: state.queue[0] ?? randomUUID(), limitS: 120 }];
    if (speechId) options.push({ type: 'floor.release', speechId }, { type: 'floor.extend', speechId, seconds: 30 });
    return { ...base, ...pick(options) };
  }
  if (actor.role === 'secretary') {
    return { ...base, type: 'comment.log', kind: pick(['agree', 'amend', 'object'] as const), text: `Ý kiến ${Math.floor(rnd() * 1000)}`, ...(speechId ? { speechId } : {}) };
  }
  const mine = state.requests.ids.map((id) => state.requests.get(id)).find((r) => r?.pointId === actor.pointId && (r.status === 'pending' || r.status === 'accepted'));
  if (mine && rnd() < 0.4) return { ...base, type: 'floor.withdraw', requestId: mine.id };
  return { ...base, type: 'floor.request', pointId: actor.pointId, delegate: { name: `Đại biểu ${actor.pointId}` } };
}

describe('a cluster under random commands and random node deaths', () => {
  const seed = Number(process.env.CLUSTER_SEED ?? Math.floor(Math.random() * 2 ** 31));
  beforeAll(() => process.stdout.write(`cluster property test seed: ${seed} (CLUSTER_SEED=${seed} to replay)\n`));

  it.each([2, 3])('N6: %i nodes: answers to one commandId agree on every node, each acked command is stored once, every node ends in the replayed state', async (nodeCount) => {
    const rnd = prng(seed + nodeCount);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const redis = await RedisServer.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-property-'));
    const env = { REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, ...LEASE, ...SYNCS };
    const slots: Array<{ node: ChildNode | null; clients: Map<ActorSpec, TestClient> }> = [];
    const conferenceId = `hn-prop-${nodeCount}`;
    let codes: JoinCodes = [];
    const tokens = new Map<ActorSpec, string>();
    const boot = async (i: number) => {
      const node = await startChildNode(env);
      const clients = new Map<ActorSpec, TestClient>();
      slots[i] = { node, clients };
      if (codes.length === 0) codes = (await postJson(node.url, '/api/conferences', { ...FIXTURE_SETUP, id: conferenceId }, ADMIN)).body.joinCodes as JoinCodes;
      for (const actor of ACTORS) {
        const client = await joinAt(node.url, codes, actor.role, 'pointId' in actor ? actor.pointId : undefined);
        clients.set(actor, client);
        tokens.set(actor, client.conferenceId);
      }
    };
    const live = () => slots.map((s, i) => ({ ...s, i })).filter((s) => s.node !== null);
    const kill = async (i: number) => {
      const slot = slots[i];
      if (!slot?.node) return;
      const node = slot.node;
      slot.node = null;
      for (const c of slot.clients.values()) c.close();
      await node.kill();
    };
    /** One copy of the command through one node's socket; null when that node died before answering. */
    const through = async (i: number, actor: ActorSpec, command: Record<string, unknown>): Promise<Ack<{ seq: number }> | null> => {
      const client = slots[i]?.clients.get(actor);
      if (!client || !slots[i]?.node) return null;
      for (;;) {
        const res = await client.send(command).catch(() => null);
        if (!res || !slots[i]?.node) return null;
        if (res.ok || (res.error.code !== 'UNAVAILABLE' && res.error.code !== 'RATE_LIMITED')) return res;
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const acked = new Map<string, number>();
    const refused = new Set<string>();
    let kills = 0;
    try {
      for (let i = 0; i < nodeCount; i += 1) await boot(i);
      for (let step = 0; step < STEPS; step += 1) {
        const alive = live();
        const viewer = alive[0]?.clients.get(ACTORS[0]);
        if (!viewer?.state) throw new Error('no live node');
        await viewer.sync();
        const actor = pick(ACTORS);
        const command = commandFor(actor, viewer.state, pick, rnd);
        const a = pick(alive).i;
        const others = alive.filter((s) => s.i !== a);
        const b = others.length > 0 ? pick(others).i : a;
        const answers = Promise.all([through(a, actor, command), through(b, actor, command)]);
        // Now and then a node dies with the command in flight (never the last one alive).
        if (alive.length > 1 && rnd() < 0.12) {
          await new Promise((r) => setTimeout(r, rnd() * 30));
          await kill(pick(alive).i);
          kills += 1;
        }
        let [first, second] = await answers;
        // An answer lost with its node: the console retries on a node still alive, with the same commandId.
        const retryOn = () => live()[0]?.i ?? 0;
        if (!first) first = await through(retryOn(), actor, command);
        if (!second) second = await through(retryOn(), actor, command);
        expect({ step, command: command.type, answer: second }).toEqual({ step, command: command.type, answer: first });
        if (first?.ok) acked.set(command.commandId as string, first.seq);
        else refused.add(command.commandId as string);
        // A dead node comes back after a while.
        for (const [i, slot] of slots.entries()) if (!slot.node && rnd() < 0.35) await boot(i);
      }
      for (const [i, slot] of slots.entries()) if (!slot.node) await boot(i);

      const log = await openRedisEventStore(redis.client(), 'dc').readSince(conferenceId, 0);
      const commandIds = [...new Set(log.map((e) => e.commandId))];
      // Each command's events are contiguous: a command stored once, never interleaved with another.
      expect(commandIds.length).toBe(log.filter((e, i) => i === 0 || log[i - 1]?.commandId !== e.commandId).length);
      for (const id of acked.keys()) expect(commandIds).toContain(id);
      for (const id of refused) expect(commandIds).not.toContain(id);
      log.forEach((e, i) => expect(e.seq).toBe(i + 1));
      const replayed = replay(log);
      for (const slot of slots) {
        const res = await fetch(`${slot.node?.url}/api/conferences/${conferenceId}/state`, { headers: { authorization: `Bearer ${ADMIN}` } });
        expect(((await res.json()) as { state: ConferenceState }).state).toEqual(replayed);
        for (const client of slot.clients.values()) {
          await client.waitForSeq(replayed?.seq ?? 0);
          expect(client.state).toEqual(replayed);
        }
      }
      process.stdout.write(`N6 ${nodeCount} nodes, seed ${seed}: ${STEPS} commands (${acked.size} acked, ${refused.size} refused), ${kills} nodes killed, ${log.length} events\n`);
    } catch (error) {
      for (const slot of slots) process.stdout.write(`--- ${slot.node?.nodeId}\n${slot.node?.output().slice(-3000)}\n`);
      throw error;
    } finally {
      for (const i of slots.keys()) await kill(i);
      await redis.stop();
    }
  });
});
