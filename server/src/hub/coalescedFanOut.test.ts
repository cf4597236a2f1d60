import type { StoredEvent } from '@diem-cau/shared';
import { until } from '../testing/nodeSessions';
import { TestHub } from '../testing/testHub';
import { coalescedFanOut } from './coalescedFanOut';

const event = (seq: number) => ({ seq, type: 'queue.opened', at: 0, actor: { role: 'chair' }, payload: {} }) as unknown as StoredEvent;

describe('coalescedFanOut', () => {
  it('sends what one microtask wave published as one packet per conference, in order, and the next wave apart', async () => {
    const sent: Array<[string, number[]]> = [];
    const publish = coalescedFanOut((conferenceId, events) => sent.push([conferenceId, events.map((e) => e.seq)]));
    publish('a', [event(1)]);
    publish('b', [event(7)]);
    publish('a', [event(2), event(3)]);
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual([['a', [1, 2, 3]], ['b', [7]]]);
    publish('a', [event(4)]);
    await Promise.resolve();
    expect(sent).toEqual([['a', [1, 2, 3]], ['b', [7]], ['a', [4]]]);
  });

  it('flushes before a continuation the publisher queued after publishing', async () => {
    const order: string[] = [];
    const publish = coalescedFanOut(() => order.push('fan-out'));
    const command = async () => {
      publish('a', [event(1)]);
      return 'outcome';
    };
    await command().then(() => order.push('ack'));
    expect(order).toEqual(['fan-out', 'ack']);
  });
});

describe('fan-out of commands committed together, over real sockets', () => {
  let hub: TestHub;
  afterEach(async () => {
    await hub.stop();
  });

  it('every socket receives each event once, in seq order, and a sender its own event before its ack', async () => {
    hub = await TestHub.start();
    const { joinCodes } = await hub.createConference();
    const chair = await hub.join(joinCodes, { role: 'chair' });
    const secretaries = await Promise.all([1, 2, 3, 4, 5].map(() => hub.join(joinCodes, { role: 'secretary' })));
    const display = await hub.join(joinCodes, { role: 'display' });
    const started = await chair.command({ type: 'conference.start' });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const start = started.seq;
    await until(() => display.seq >= start, 'the display at the start');
    const packets: number[][] = [];
    display.socket.on('events', (events) => packets.push(events.map((e) => e.seq)));
    const seen = secretaries.map(() => new Set<number>());
    secretaries.forEach((s, i) => s.socket.on('events', (events) => events.forEach((e) => seen[i]?.add(e.seq))));
    const rounds = 20;
    let earlyAcks = 0;
    let batches = 0;
    // Five senders in step: commits arrive together, so some packets carry several events. On a loaded machine
    // the sockets' reads may fall into separate ticks for a while: batches go on until one packet carried several
    // (at most ten batches, 1,000 commands, which no working hub needs).
    do {
      const batch = batches;
      await Promise.all(secretaries.map(async (s, i) => {
        for (let r = 0; r < rounds; r += 1) {
          const ack = await s.command({ type: 'comment.log', kind: 'other', text: `Ý kiến ${batch}-${i}-${r}`, articles: [{ article: 1 }] });
          if (!ack.ok) throw new Error(JSON.stringify(ack));
          if (!seen[i]?.has(ack.seq)) earlyAcks += 1;
        }
      }));
      batches += 1;
    } while (batches < 10 && !packets.some((p) => p.length > 1));
    const last = start + batches * rounds * secretaries.length;
    await until(() => display.seq >= last, 'the display at the last comment');
    const received = packets.flat();
    expect(received).toEqual(Array.from({ length: last - start }, (_, k) => start + 1 + k));
    expect(earlyAcks).toBe(0);
    expect(packets.length).toBeLessThan(received.length);
  });
});
