import { NACK_MAX_MISSING, NACK_MAX_RETRIES, NackGenerator } from './nackGenerator';

describe('NackGenerator', () => {
  test('asks at once for a gap across the sequence wrap, then counts the late arrival as recovered', () => {
    const nack = new NackGenerator();
    nack.onPacket(65534, 0);
    expect(nack.onPacket(2, 1)).toEqual({ status: 'new', nackNow: [65535, 0, 1], keyFrameNeeded: false });
    expect(nack.onPacket(0, 5).status).toBe('recovered');
    expect(nack.onPacket(0, 6).status).toBe('duplicate');
    expect(nack.missingCount).toBe(2);
  });

  test('retries every interval, then gives up after the last retry', () => {
    const nack = new NackGenerator();
    nack.onPacket(10, 0);
    nack.onPacket(12, 0);
    expect(nack.due(10, 50)).toEqual([]);
    expect(nack.due(50, 50)).toEqual([11]);
    let asked = 2;
    for (let t = 100; asked < NACK_MAX_RETRIES; t += 50) asked += nack.due(t, 50).length;
    expect(nack.due(10_000, 50)).toEqual([]);
    expect(nack.missingCount).toBe(0);
  });

  test('a gap too large to repair asks for a key frame instead of hundreds of retransmissions', () => {
    const nack = new NackGenerator();
    nack.onPacket(100, 0);
    expect(nack.onPacket(100 + NACK_MAX_MISSING + 2, 1)).toEqual({ status: 'new', nackNow: [], keyFrameNeeded: true });
  });
});
