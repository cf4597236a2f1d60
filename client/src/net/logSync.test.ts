import { gzipSync } from 'node:zlib';
import { replay } from '@diem-cau/shared';
import { LogBuilder, accepted, request } from '../testing/fixtures';
import { EventLog } from './eventLog';
import { LogSync } from './logSync';
import type { Transport } from './transport';

/** A hub that answers every sync with the snapshot it shares (folded at `snapshotSeq`) and the events after it. */
function snapshotHub(log: LogBuilder, snapshotSeq: number, gzip?: Uint8Array): Transport & { asked: number[] } {
  const folded = replay(log.events.slice(0, snapshotSeq));
  const bytes = gzip ?? gzipSync(JSON.stringify(folded));
  const asked: number[] = [];
  return {
    asked,
    connected: true,
    open: () => undefined,
    pause: () => undefined,
    reconnect: () => undefined,
    close: () => undefined,
    request: async (_event, payload) => {
      asked.push((payload as { sinceSeq: number }).sinceSeq);
      // Socket.IO hands binary attachments to a browser as an ArrayBuffer.
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return { ok: true, snapshot: { seq: snapshotSeq, gzip: buffer }, events: log.events.slice(snapshotSeq) };
    },
  };
}

describe('LogSync with a shared snapshot', () => {
  const log = new LogBuilder().add({ type: 'conference.started', payload: {} }).add(request('r1', 'thai-nguyen', 'A')).add(accepted('r1', 0)).add(request('r2', 'cao-bang', 'B'));

  it('inflates the compressed snapshot and applies the events after it, ending where the hub is', async () => {
    const eventLog = new EventLog();
    const hub = snapshotHub(log, 2);
    let changes = 0;
    await new LogSync(eventLog, hub, () => (changes += 1)).run();
    expect(hub.asked).toEqual([0]);
    expect(eventLog.seq).toBe(log.events.length);
    expect(eventLog.state).toEqual(log.state());
    expect(changes).toBe(1);
  });

  it('keeps its own state when the bytes do not inflate to a state', async () => {
    const before = replay(log.events.slice(0, 3));
    const eventLog = new EventLog(before);
    await new LogSync(eventLog, snapshotHub(log, 2, new TextEncoder().encode('not gzip')), () => undefined).run();
    expect(eventLog.state).toBe(before);
  });
});
