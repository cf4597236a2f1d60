import { RtcpPacketConverter, RtcpTransportLayerFeedback, TransportWideCC } from 'werift';
import { TwccRecorder, encodeChunks } from './twccRecorder';

/** Decodes with werift's independent parser and rebuilds per-sequence arrival times in microseconds. */
function decode(buf: Buffer): Map<number, number | null> {
  const [packet] = RtcpPacketConverter.deSerialize(buf);
  if (!(packet instanceof RtcpTransportLayerFeedback) || !(packet.feedback instanceof TransportWideCC)) throw new Error('not TWCC');
  const fb = packet.feedback;
  const statuses: number[] = [];
  for (const chunk of fb.packetChunks) {
    if ('runLength' in chunk) for (let i = 0; i < chunk.runLength; i++) statuses.push(chunk.packetStatus);
    else statuses.push(...chunk.symbolList);
  }
  const result = new Map<number, number | null>();
  let clock = fb.referenceTime * 64_000;
  let d = 0;
  for (let i = 0; i < fb.packetStatusCount; i++) {
    const seq = (fb.baseSequenceNumber + i) & 0xffff;
    if (statuses[i] === 0) {
      result.set(seq, null);
      continue;
    }
    clock += fb.recvDeltas[d++]!.delta;
    result.set(seq, clock);
  }
  return result;
}

describe('TwccRecorder', () => {
  test('reports every packet across the sequence wrap, losses as not received, times to 250 µs', () => {
    const recorder = new TwccRecorder();
    const start = 5_000_000_123;
    const sent = [65530, 65531, 65533, 65534, 65535, 0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    sent.forEach((seq, i) => recorder.record(seq, start + i * 1_700 + (i === 7 ? 90_000 : 0)));
    const [buf, ...rest] = recorder.takeFeedback(1, 2);
    expect(rest).toHaveLength(0);
    const decoded = decode(buf!);
    expect(decoded.size).toBe(19);
    expect(decoded.get(65532)).toBeNull();
    expect(decoded.get(2)).toBeNull();
    expect(decoded.get(3)).toBeNull();
    sent.forEach((seq, i) => {
      const expected = start + i * 1_700 + (i === 7 ? 90_000 : 0);
      expect(Math.abs(decoded.get(seq)! - expected)).toBeLessThanOrEqual(250);
    });
    expect(buf!.length % 4).toBe(0);
  });

  test('each call reports only what is new, and late packets already reported lost are ignored', () => {
    const recorder = new TwccRecorder();
    recorder.record(10, 1_000_000);
    recorder.record(12, 1_001_000);
    expect(decode(recorder.takeFeedback(1, 2)[0]!).size).toBe(3);
    recorder.record(11, 1_002_000);
    expect(recorder.takeFeedback(1, 2)).toEqual([]);
    recorder.record(13, 1_003_000);
    const next = decode(recorder.takeFeedback(1, 2)[0]!);
    expect([...next.keys()]).toEqual([13]);
  });

  test('a gap of more than 8 s between arrivals starts a second feedback packet', () => {
    const recorder = new TwccRecorder();
    recorder.record(1, 1_000_000);
    recorder.record(2, 1_000_000 + 9_000_000);
    const packets = recorder.takeFeedback(1, 2);
    expect(packets).toHaveLength(2);
    expect([...decode(packets[1]!).keys()]).toEqual([2]);
  });
});

describe('encodeChunks', () => {
  test('uses run-length chunks for long runs and status vectors otherwise', () => {
    expect(encodeChunks([1, 1, 1, 1, 1, 1, 1, 1])).toEqual([(1 << 13) | 8]);
    expect(encodeChunks([1, 0, 2])).toEqual([0xc000 | (1 << 12) | (0 << 10) | (2 << 8)]);
  });
});
