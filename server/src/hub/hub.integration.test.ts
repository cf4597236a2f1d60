import { until } from '../testing/nodeSessions';
import { TestHub, type JoinCodeInfo } from '../testing/testHub';
import type { TestClient } from '../testing/testClient';

const delegate = (name: string) => ({ name, position: 'Đại biểu' });

describe('hub over real socket.io clients', () => {
  let hub: TestHub;
  let codes: JoinCodeInfo[];
  beforeEach(async () => {
    hub = await TestHub.start();
    codes = (await hub.createConference()).joinCodes;
  });
  afterEach(async () => {
    await hub.stop();
  });

  async function everyone() {
    const chair = await hub.join(codes, { role: 'chair' });
    const tn = await hub.join(codes, { role: 'point', pointId: 'thai-nguyen' });
    const hg = await hub.join(codes, { role: 'point', pointId: 'ha-giang' });
    const bk = await hub.join(codes, { role: 'point', pointId: 'bac-kan' });
    const sec1 = await hub.join(codes, { role: 'secretary' });
    const sec2 = await hub.join(codes, { role: 'secretary' });
    const display = await hub.join(codes, { role: 'display' });
    return { chair, tn, hg, bk, sec1, sec2, display, all: [chair, tn, hg, bk, sec1, sec2, display] };
  }

  async function converge(clients: TestClient[], seq: number) {
    await Promise.all(clients.map((c) => c.waitForSeq(seq)));
    const room = await hub.hub.hub.room(clients[0]?.conferenceId ?? '');
    for (const c of clients) expect(c.state).toEqual(room?.state);
  }

  it('H1: points request, the chair reorders and grants, secretaries log: every client ends with the server state', async () => {
    const { chair, tn, hg, bk, sec1, sec2, all } = await everyone();
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    const requests = await Promise.all([
      tn.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: delegate('Dương Xuân Hùng'), articles: [{ article: 1 }] }),
      hg.command({ type: 'floor.request', pointId: 'ha-giang', delegate: delegate('Đại biểu Hà Giang'), articles: [{ article: 2 }] }),
      bk.command({ type: 'floor.request', pointId: 'bac-kan', delegate: delegate('Đại biểu Bắc Kạn') }),
    ]);
    expect(requests.every((r) => r.ok)).toBe(true);
    await chair.waitForSeq(8);
    const queue = chair.state?.queue ?? [];
    expect(queue).toHaveLength(3);
    const last = queue[2] ?? '';
    expect(await chair.command({ type: 'floor.reorder', requestId: last, toIndex: 0 })).toMatchObject({ ok: true });
    expect(await chair.command({ type: 'floor.grant', requestId: last })).toMatchObject({ ok: true });
    await sec1.waitForSeq(10);
    const speechId = sec1.state?.currentSpeechId;
    const logs = await Promise.all([
      sec1.command({ type: 'comment.log', speechId, kind: 'amend', text: 'Sửa Điều 1', articles: [{ article: 1, clause: 2 }] }),
      sec2.command({ type: 'comment.log', speechId, kind: 'agree', text: 'Đồng tình', articles: [{ article: 2 }] }),
    ]);
    expect(logs.every((r) => r.ok)).toBe(true);
    const end = await chair.command({ type: 'floor.release', speechId });
    expect(end.ok).toBe(true);
    const seq = end.ok ? end.seq : 0;
    await converge(all, seq);
    expect(chair.state?.comments.ids).toHaveLength(2);
    expect(chair.state?.speeches.get(speechId ?? '')?.pointId).toBe(chair.state?.requests.get(last)?.pointId);
  });

  it('H2: a client that disconnects misses events and catches up by sync after reconnecting', async () => {
    const { chair, tn, all } = await everyone();
    await chair.command({ type: 'conference.start' });
    tn.socket.disconnect();
    for (let i = 0; i < 5; i += 1) await chair.command({ type: 'comment.log', kind: 'other', text: `Ý kiến ${i}` });
    expect(tn.seq).toBeLessThan(chair.seq);
    tn.socket.connect();
    await new Promise<void>((resolve) => tn.socket.once('connect', () => resolve()));
    await tn.sync();
    await converge(all, chair.seq);
  });

  it('H3: a retried commandId is applied once and acked with the original seq', async () => {
    const { chair, sec1 } = await everyone();
    const command = { commandId: '11111111-1111-4111-8111-111111111111', conferenceId: sec1.conferenceId, type: 'comment.log', kind: 'agree', text: 'Một lần thôi' };
    const first = await sec1.send(command);
    const again = await Promise.all([sec1.send(command), chair.send(command)]);
    expect(first).toMatchObject({ ok: true });
    for (const r of again) expect(r).toEqual(first);
    await sec1.waitForSeq(first.ok ? first.seq : 0);
    expect(sec1.state?.comments.ids).toEqual(['11111111-1111-4111-8111-111111111111']);
  });

  it('H4: the hub answers time requests with its clock', async () => {
    const { display } = await everyone();
    const before = Date.now();
    const res = (await display.socket.timeout(2000).emitWithAck('time', {})) as { ok: true; serverTime: number };
    expect(res.serverTime).toBeGreaterThanOrEqual(before);
    expect(res.serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('H5: presence lists the connected points', async () => {
    const chair = await hub.join(codes, { role: 'chair' });
    const point = await hub.join(codes, { role: 'point', pointId: 'thai-nguyen' });
    await until(() => chair.presence.some((e) => e.pointId === 'thai-nguyen'), 'the point in the chair\'s presence');
    expect(chair.presence.map((e) => e.pointId)).toEqual(expect.arrayContaining(['tw', 'thai-nguyen']));
    // Consoles that show no presence are sent none.
    expect(point.presence).toEqual([]);
    point.close();
    await until(() => !chair.presence.some((e) => e.pointId === 'thai-nguyen'), 'the point gone from the chair\'s presence');
  });
});
