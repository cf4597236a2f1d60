import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import { TestHub, type JoinCodeInfo } from '../testing/testHub';
import { HandshakeAdmission } from './handshakeAdmission';

describe('handshake admission per client address (Q54)', () => {
  it('Q54: a burst goes through at once, the rest are spaced 1/perS apart; past the longest wait they are refused; addresses are apart', () => {
    const admission = new HandshakeAdmission({ perS: 20, burst: 3, maxWaitMs: 200 });
    const waits = Array.from({ length: 8 }, () => admission.admit('203.0.113.1', 1_000));
    expect(waits).toEqual([{ wait: 0 }, { wait: 0 }, { wait: 0 }, { wait: 50 }, { wait: 100 }, { wait: 150 }, { wait: 200 }, { refused: true }]);
    expect(admission.admit('198.51.100.2', 1_000)).toEqual({ wait: 0 });
    // Time frees slots: 400 ms later the address has its burst back.
    expect(Array.from({ length: 3 }, () => admission.admit('203.0.113.1', 1_600))).toEqual([{ wait: 0 }, { wait: 0 }, { wait: 0 }]);
  });

  describe('on a hub', () => {
    let hub: TestHub;
    let codes: JoinCodeInfo[];
    beforeAll(async () => {
      hub = await TestHub.start({ quotas: { handshakesPerAddress: { perS: 1, burst: 3 }, handshakeMaxWaitMs: 2_500 } });
      ({ joinCodes: codes } = await hub.createConference());
    });
    afterAll(async () => {
      await hub.stop();
    });

    /** A socket from `from` (X-Forwarded-For, believed from loopback): when it connected, or how it was refused. */
    const connect = async (token: string, from: string) => {
      const t0 = performance.now();
      const s = io(hub.url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': from } });
      const outcome = await new Promise<string>((resolve) => {
        s.once('connect', () => resolve('connected'));
        s.once('connect_error', (e: Error) => resolve(e.message));
      });
      s.close();
      return { outcome, ms: performance.now() - t0 };
    };

    it('Q54: eight consoles behind one address: five get in, one after another; another address meanwhile at once; the three that would wait past the longest wait are refused', async () => {
      const tokens = await Promise.all(Array.from({ length: 8 }, async () => (await hub.session(codes.find((c) => c.role === 'display')?.code ?? '')).token));
      const hall = Promise.all(tokens.map((token) => connect(token, '203.0.113.7')));
      const other = await connect(tokens[0] ?? '', '198.51.100.8');
      expect(other.outcome).toBe('connected');
      expect(other.ms).toBeLessThan(400);
      const answers = await hall;
      // Three at once, then one a second up to the 2.5-s wait (five in all); the three that would wait 3 s or more are
      // refused at once. (Handshakes arriving up to half a second apart under load still count the same.)
      const times = answers.filter((a) => a.outcome === 'connected').map((a) => a.ms).sort((a, b) => a - b);
      expect(times.length).toBe(5);
      expect(times[2] ?? 0).toBeLessThan(500);
      expect(times[3] ?? 0).toBeGreaterThanOrEqual(500);
      expect(times[4] ?? 0).toBeGreaterThanOrEqual(1_400);
      expect(answers.filter((a) => a.outcome !== 'connected').map((a) => a.outcome)).toEqual(['websocket error', 'websocket error', 'websocket error']);
    });
  });
});
