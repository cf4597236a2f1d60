import type { StoredEvent } from '@diem-cau/shared';
import { LogBuilder, accepted, request } from '../testing/fixtures';
import { ConferenceConnection } from './ConferenceConnection';
import type { OutboxItem } from './outbox';
import type { Transport, TransportHandlers } from './transport';

/** Plays the hub: answers sync from its log, broadcasts what the test says, counts requests. */
class FakeTransport implements Transport {
  connected = false;
  handlers!: TransportHandlers;
  syncs: number[] = [];
  /** Syncs still to refuse as the hub does past a session's quota (Q4). */
  refuseSyncs = 0;
  commands: Array<Record<string, unknown>> = [];
  constructor(public log: StoredEvent[]) {}
  open(h: TransportHandlers) {
    this.handlers = h;
  }
  up() {
    this.connected = true;
    this.handlers.connect();
  }
  down() {
    this.connected = false;
    this.handlers.disconnect();
  }
  pause() {
    this.down();
  }
  reconnect() {
    this.up();
  }
  close() {
    this.connected = false;
  }
  async request(event: string, payload: unknown) {
    if (event === 'time') return { ok: true, serverTime: Date.now() };
    if (event === 'sync') {
      const since = (payload as { sinceSeq: number }).sinceSeq;
      this.syncs.push(since);
      if (this.refuseSyncs > 0 && (this.refuseSyncs -= 1) >= 0) {
        return { ok: false, error: { code: 'RATE_LIMITED', message: 'chờ', reason: 'SYNCS_TOO_FAST', details: { retryAfterMs: 60 } } };
      }
      return { ok: true, events: this.log.filter((e) => e.seq > since) };
    }
    this.commands.push(payload as Record<string, unknown>);
    return { ok: true, seq: this.log.length };
  }
}

const memoryOutbox = () => {
  let items: OutboxItem[] = [];
  return { load: () => items, save: (next: OutboxItem[]) => void (items = next) };
};
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A connection started on a hub holding `log`, once its first sync has answered. */
async function connected(log: StoredEvent[]): Promise<{ transport: FakeTransport; conn: ConferenceConnection }> {
  const transport = new FakeTransport(log);
  const conn = new ConferenceConnection({ conferenceId: 'hn-test', transport, outboxStorage: memoryOutbox() });
  conn.start();
  transport.up();
  await flush();
  return { transport, conn };
}

describe('ConferenceConnection', () => {
  const full = new LogBuilder().add({ type: 'conference.started', payload: {} }).add(request('r1', 'thai-nguyen', 'A')).add(accepted('r1', 0));

  it('syncs on connect, then applies broadcasts in order', async () => {
    const { transport, conn } = await connected(full.events.slice(0, 2));
    expect(conn.getSnapshot().status).toBe('connected');
    expect(conn.getSnapshot().state?.seq).toBe(2);
    transport.handlers.events(full.events.slice(2));
    expect(conn.getSnapshot().state).toEqual(full.state());
    conn.stop();
  });

  it('a session the hub refuses (its join code revoked) becomes fatal with the reason, and stops reconnecting', async () => {
    const transport = new FakeTransport(full.events);
    const closed = jest.spyOn(transport, 'close');
    const conn = new ConferenceConnection({ conferenceId: 'hn-test', transport, outboxStorage: memoryOutbox() });
    conn.start();
    transport.up();
    await flush();
    transport.down();
    transport.handlers.connectError({ code: 'UNAUTHORIZED', message: 'Mã tham gia của phiên này đã bị thu hồi', details: { reason: 'revoked' } });
    expect(conn.getSnapshot().fatal).toEqual({ code: 'UNAUTHORIZED', message: 'Mã tham gia của phiên này đã bị thu hồi', details: { reason: 'revoked' } });
    expect(closed).toHaveBeenCalled();
    conn.stop();
  });

  it('asks for the missing events when a broadcast skips a seq', async () => {
    const { transport, conn } = await connected(full.events.slice(0, 2));
    transport.log = full.events;
    transport.handlers.events([full.events[3]]);
    await flush();
    expect(transport.syncs).toEqual([0, 2]);
    expect(conn.getSnapshot().state?.queue).toEqual(['r1']);
    conn.stop();
  });

  it('Q4: a sync the hub refuses for now (SYNCS_TOO_FAST) is asked again after retryAfterMs, and the gap is filled', async () => {
    const { transport, conn } = await connected(full.events.slice(0, 2));
    transport.log = full.events;
    transport.refuseSyncs = 2;
    transport.handlers.events([full.events[3]]);
    await new Promise((r) => setTimeout(r, 40));
    expect(transport.syncs).toEqual([0, 2]);
    expect(conn.getSnapshot().state?.queue).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(transport.syncs).toEqual([0, 2, 2, 2]);
    expect(conn.getSnapshot().state?.queue).toEqual(['r1']);
    conn.stop();
  });

  it('resyncs from its own seq after a reconnect', async () => {
    const { transport, conn } = await connected(full.events.slice(0, 2));
    transport.down();
    expect(conn.getSnapshot().status).toBe('reconnecting');
    transport.log = full.events;
    transport.up();
    await flush();
    expect(transport.syncs).toEqual([0, 2]);
    expect(conn.getSnapshot().state).toEqual(full.state());
    conn.stop();
  });

  it('fills commandId and conferenceId, and refuses to send while disconnected', async () => {
    const transport = new FakeTransport(full.events);
    const conn = new ConferenceConnection({ conferenceId: 'hn-test', transport, outboxStorage: memoryOutbox() });
    conn.start();
    const offline = await conn.send({ type: 'queue.close' });
    expect(offline).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: 'offline' } });
    transport.up();
    await flush();
    await conn.send({ type: 'queue.close' });
    expect(transport.commands[0]).toMatchObject({ type: 'queue.close', conferenceId: 'hn-test' });
    expect(String(transport.commands[0]?.commandId)).toMatch(/^[0-9a-f-]{36}$/);
    conn.stop();
  });
});
