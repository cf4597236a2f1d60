import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateFromJson, type ConferenceState } from '@diem-cau/shared';
import { nodeOfToken } from '../server/src/cluster/ownerLeases';
import { demoSetup } from '../server/src/demo/seedDemo';
import { startChildNode, type ChildNode } from '../server/src/testing/childNode';
import { startNginx, type NginxProxy } from '../server/src/testing/nginxProxy';
import { postJson, until, type JoinCodes } from '../server/src/testing/nodeSessions';
import { RedisServer } from '../server/src/testing/redisServer';
import { TestClient } from '../server/src/testing/testClient';
import { eventually } from './support/consoles';
import { CLIENT_DIR } from './support/hubWithClient';
import { decodesStage, of, openMediaConsole, received, shootMedia, type MediaConsole } from './support/mediaConsoles';

/**
 * The shipped topology on this machine: Debian's nginx running deploy/nginx.conf in front of three hub
 * processes (the real entry file), a private redis-server with an fsynced append-only file, and the built
 * consoles in headless Chromium connecting through nginx only. The owner of the conference is SIGKILLed
 * in the middle of a speech, then Redis is.
 */
jest.setTimeout(240_000);

const CONF = 'hn-topology';
const POINT = 'thai-nguyen';
const ADMIN = 'topology-admin-token-0123456789';
const LEASE = { LEASE_TTL_MS: '1500', LEASE_RENEW_MS: '300', PRESENCE_HEARTBEAT_MS: '300' };
const PORTS = [[44_200, 44_249], [44_250, 44_299], [44_300, 44_349]] as const;
/** The issue's bound for the consoles' media to come back after the owner's death. */
const MEDIA_BACK_MS = 10_000;
/** A console's retries end a broken run here: a failover answers within a lease time and a few retries. */
const ANSWER_DEADLINE_MS = 30_000;

let redis: RedisServer;
let nodes: ChildNode[] = [];
let proxy: NginxProxy;
let codes: JoinCodes;
const work = mkdtempSync(join(tmpdir(), 'diem-cau-topology-'));
const consoles: MediaConsole[] = [];
const sockets: Array<{ client: TestClient | null }> = [];

const codeOf = (role: string, pointId?: string) => {
  const found = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId));
  if (!found) throw new Error(`no join code for ${role}`);
  return found.code;
};
const ownerOf = async () => {
  const token = await redis.client().get(`dc:{${CONF}}:owner`);
  return token ? nodeOfToken(token) : null;
};
const stateThroughProxy = async (): Promise<ConferenceState> => {
  const res = await fetch(`${proxy.url}/api/conferences/${CONF}/state`, { headers: { authorization: `Bearer ${ADMIN}` } });
  return stateFromJson(((await res.json()) as { state: unknown }).state);
};

/**
 * A console's socket through nginx, as the consoles keep it: when its node dies it connects again (nginx
 * sends it to a live node) and sends the same command — same commandId — until it gets an answer.
 */
async function proxiedSession(role: string, pointId?: string) {
  const { token } = (await postJson(proxy.url, '/api/sessions', { code: codeOf(role, pointId) })).body as { token: string };
  const held = { client: null as TestClient | null };
  sockets.push(held);
  const connected = async (): Promise<TestClient> => {
    if (held.client?.socket.connected) return held.client;
    held.client?.close();
    held.client = null;
    held.client = await TestClient.connect(proxy.url, token, CONF);
    return held.client;
  };
  await connected();
  return {
    async send(command: Record<string, unknown>) {
      const full = { commandId: randomUUID(), conferenceId: CONF, ...command };
      const deadline = Date.now() + ANSWER_DEADLINE_MS;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`no answer to ${String(command.type)} within ${ANSWER_DEADLINE_MS} ms`);
        const client = await connected().catch(() => null);
        const res = client ? await client.send(full).catch(() => null) : null;
        if (res && (res.ok || res.error.code !== 'UNAVAILABLE')) return { ...res, commandId: full.commandId };
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** The livestream's playlist URL, as the viewer page learns it with a viewer's join code through nginx. */
async function viewerStreamUrl(): Promise<string> {
  const { token } = (await postJson(proxy.url, '/api/sessions', { code: codeOf('viewer') })).body as { token: string };
  const info = (await (await fetch(`${proxy.url}/api/conferences/${CONF}/stream`, { headers: { authorization: `Bearer ${token}` } })).json()) as { enabled: boolean; url?: string };
  expect(info.enabled).toBe(true);
  if (!info.url) throw new Error('no stream URL');
  return info.url;
}

/**
 * Waits until each node, asked directly, serves the live playlist with a segment of a run begun after `sinceMs`,
 * that segment too, and says the stream runs; answers the newest run id (its start, ms) each node listed.
 */
async function servedByEveryNode(url: string, among: ChildNode[], sinceMs: number): Promise<number[]> {
  return Promise.all(among.map(async (node) => {
    const runOf = (playlist: string) => Math.max(0, ...[...playlist.matchAll(/^(\d{10,16})-\d+\.ts$/gm)].map((m) => Number(m[1])));
    const playlist = await eventually(async () => {
      const res = await fetch(`${node.url}${url}`);
      return res.status === 200 ? res.text() : `HTTP ${res.status}`;
    }, (text) => text.startsWith('#EXTM3U') && runOf(text) > sinceMs, `node ${node.nodeId} serving the live playlist`, 20_000);
    const segment = [...playlist.matchAll(/^\d{10,16}-\d+\.ts$/gm)].at(-1)?.[0] ?? '';
    const res = await fetch(`${node.url}${url.replace(/index\.m3u8$/, segment)}`);
    expect([res.status, (await res.arrayBuffer()).byteLength > 1_000]).toEqual([200, true]);
    const info = (await (await fetch(`${node.url}/api/conferences/${CONF}/stream`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { state: string };
    expect(info.state).toBe('running');
    return runOf(playlist);
  }));
}

beforeAll(async () => {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('client/dist is missing: run `npm run build -w client` first (npm test does)');
  redis = await RedisServer.start({ aofDir: mkdtempSync(join(tmpdir(), 'diem-cau-topology-redis-')) });
  const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-topology-data-'));
  nodes = await Promise.all(PORTS.map(([min, max]) => startChildNode({
    REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, MEDIA_PORT_MIN: String(min), MEDIA_PORT_MAX: String(max), CLIENT_DIR, ...LEASE,
  })));
  proxy = await startNginx(nodes.map((n) => n.port));
  const created = await postJson(proxy.url, '/api/conferences', { ...demoSetup(), id: CONF }, ADMIN);
  expect(created.status).toBe(201);
  codes = created.body.joinCodes as JoinCodes;
});

afterAll(async () => {
  await Promise.all(consoles.map((c) => c.context.close()));
  for (const s of sockets) s.client?.close();
  await Promise.all(nodes.map((n) => n.kill()));
  await proxy?.stop();
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the shipped topology: nginx, three hub processes, Redis with AOF, consoles in Chromium', () => {
  it('T1: a speech with media across nodes survives the owner’s SIGKILL: the deadline holds, comments land once, media comes back', async () => {
    const chair = await proxiedSession('chair');
    const laptop = { width: 1280, height: 800 };
    consoles.push(...await Promise.all([
      openMediaConsole(proxy.url, work, 'chair', codeOf('chair'), { width: 1440, height: 900 }, { u: 128, v: 128, toneHz: 330 }),
      openMediaConsole(proxy.url, work, 'point', codeOf('point', POINT), laptop, { u: 90, v: 170, toneHz: 440 }),
      openMediaConsole(proxy.url, work, 'display', codeOf('display'), { width: 1280, height: 720 }, { u: 128, v: 128, toneHz: 220 }),
    ]));
    const display = consoles[2] as MediaConsole;
    // nginx spread the sockets (least_conn): the consoles' sessions sit on more than one node.
    const sessionNodes = () => redis.client().smembers(`dc:{${CONF}}:presence-nodes`);
    await until(async () => (await sessionNodes()).length >= 2, 'sessions on two nodes or more');

    expect((await chair.send({ type: 'conference.start' })).ok).toBe(true);
    const request = await chair.send({ type: 'floor.request', pointId: POINT, delegate: { name: 'Dương Xuân Hùng', position: '' }, articles: [], topic: '' });
    expect(request.ok).toBe(true);
    expect((await chair.send({ type: 'floor.grant', requestId: request.commandId, limitS: 120 })).ok).toBe(true);
    await decodesStage(display.page, POINT, 30_000);
    // LS8: the owner's FFmpeg writes the livestream into the shared STREAM_DIR; every node serves it under one key.
    const streamUrl = await viewerStreamUrl();
    const firstRuns = await servedByEveryNode(streamUrl, nodes, 0);
    const before = await stateThroughProxy();
    const speech = before.speeches.get(before.currentSpeechId ?? '');
    if (!speech) throw new Error('no speech');
    const producerBefore = of(await received(display.page), POINT, 'main')?.producerId;

    // Two secretaries log comments against the speech throughout the failover, retrying as consoles do.
    const secretaries = await Promise.all([proxiedSession('secretary'), proxiedSession('secretary')]);
    const acked: string[] = [];
    let stop = false;
    const writing = secretaries.map(async (sec, s) => {
      for (let i = 0; !stop; i += 1) {
        const res = await sec.send({ type: 'comment.log', speechId: speech.id, kind: 'agree', text: `Thư ký ${s + 1}, ý kiến ${i + 1}` });
        expect(res.ok).toBe(true);
        acked.push(res.commandId);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await new Promise((r) => setTimeout(r, 1_000));

    const owner = await ownerOf();
    const victim = nodes.find((n) => n.nodeId === owner);
    if (!victim) throw new Error(`no owner among the nodes (${owner})`);
    const killedAt = Date.now();
    await victim.kill();
    await until(async () => ![null, victim.nodeId].includes(await ownerOf()), 'a new owner', 10_000);
    const takeoverMs = Date.now() - killedAt;
    // Media comes back: the display decodes the point's camera from a producer on the new owner.
    await eventually(async () => of(await received(display.page), POINT, 'main'), (s) => s !== undefined && s.producerId !== producerBefore && s.framesDecoded > 0, 'the point’s camera from the new owner', MEDIA_BACK_MS + 5_000);
    await decodesStage(display.page, POINT, 10_000);
    const mediaBackMs = Date.now() - killedAt;
    await shootMedia(display, 'topology-display-after-failover');
    // The new owner's FFmpeg took the stream over: the surviving nodes serve segments of a run begun after the kill.
    const laterRuns = await servedByEveryNode(streamUrl, nodes.filter((n) => n !== victim), killedAt);
    expect(Math.min(...laterRuns)).toBeGreaterThan(Math.max(...firstRuns));
    stop = true;
    await Promise.all(writing);

    const after = await stateThroughProxy();
    const sameSpeech = after.speeches.get(speech.id);
    expect(after.currentSpeechId).toBe(speech.id);
    expect(sameSpeech?.startedAt).toBe(speech.startedAt);
    expect(sameSpeech?.limitS).toBe(speech.limitS);
    const stored = after.comments.ids;
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...acked].sort());
    expect(mediaBackMs).toBeLessThan(MEDIA_BACK_MS);
    process.stdout.write(`T1: owner SIGKILLed mid-speech; new owner after ${takeoverMs} ms, the display decoding the speaker again after ${mediaBackMs} ms; ${acked.length} comments acked, each stored once; deadline unchanged\n`);
    expect(consoles.flatMap((c) => c.errors)).toEqual([]);
  });

  it('T2: Redis SIGKILLed and restarted from its append-only file: no acknowledged event is lost, and the conference goes on', async () => {
    const secretary = await proxiedSession('secretary');
    const before = await stateThroughProxy();
    const speechId = before.currentSpeechId;
    if (!speechId) throw new Error('T2 runs after T1: it logs against T1’s speech');
    const acked: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const res = await secretary.send({ type: 'comment.log', speechId, kind: 'propose', text: `Trước khi Redis dừng, ý kiến ${i + 1}` });
      expect(res.ok).toBe(true);
      acked.push(res.commandId);
    }
    const lastSeq = (await stateThroughProxy()).seq;
    await redis.crashAndRestart();
    const res = await secretary.send({ type: 'comment.log', speechId, kind: 'propose', text: 'Sau khi Redis khởi động lại' });
    expect(res.ok).toBe(true);
    // Read by a node started now, which loads the conference from the restarted Redis alone (no memory of it).
    const fresh = await startChildNode({ REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, DATA_DIR: work, MEDIA_PORT_MIN: '44350', MEDIA_PORT_MAX: '44359', CLIENT_DIR, ...LEASE });
    nodes.push(fresh);
    const after = stateFromJson(((await (await fetch(`${fresh.url}/api/conferences/${CONF}/state`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { state: unknown }).state);
    expect(after.comments.ids).toContain(res.commandId);
    expect(after.seq).toBeGreaterThan(lastSeq);
    for (const id of acked) expect(after.comments.ids.filter((c) => c === id)).toHaveLength(1);
    expect(after.comments.ids.length).toBe(before.comments.ids.length + acked.length + 1);
    process.stdout.write(`T2: Redis SIGKILLed after seq ${lastSeq}; after its restart from the AOF the log holds all ${acked.length} acknowledged comments once, and seq ${after.seq}\n`);
  });
});
