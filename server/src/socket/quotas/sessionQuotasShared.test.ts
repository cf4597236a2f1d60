import type { Session } from '../../store/accessStore';
import type { QuotaNews, QuotaShare } from './quotaNews';
import { quotaSettings, type QuotaSettings } from './quotaSettings';
import { SessionQuotas, type QuotaNewsTiming } from './sessionQuotas';

/**
 * Nodes that hear each other a moment later, as over Redis pub/sub. A muted node's news vanish while it believes
 * them sent (a node dead or stalled, as the others see it); a node cut off knows its news did not go out.
 */
function sharedNodes(count: number) {
  const listeners: Array<{ node: string; listen: (from: string, news: QuotaNews) => void }> = [];
  const muted = new Set<string>();
  const cut = new Set<string>();
  const heard: QuotaNews[] = [];
  const shareOf = (node: string): QuotaShare => ({
    tell: (news) => {
      if (cut.has(node)) return false;
      if (muted.has(node)) return true;
      heard.push(news);
      setImmediate(() => listeners.filter((l) => l.node !== node).forEach((l) => l.listen(node, structuredClone(news))));
      return true;
    },
    listen: (listen) => void listeners.push({ node, listen }),
    close: async () => undefined,
  });
  return {
    shares: Array.from({ length: count }, (_, i) => shareOf(`n${i}`)), heard,
    mute: (node: string, on = true) => void (on ? muted.add(node) : muted.delete(node)),
    cutOff: (node: string, on = true) => void (on ? cut.add(node) : cut.delete(node)),
  };
}

const TIMING: QuotaNewsTiming = { newsEveryMs: 10, beatEveryMs: 50, fullEveryMs: 10_000, deadAfterMs: 2_000 };
const session = (sessionId: string, extra: Partial<Session> = {}): Session => ({ conferenceId: 'c1', role: 'secretary', label: 'Thư ký', sessionId, expiresAt: Number.MAX_SAFE_INTEGER, joinCode: 'CODE-0001', ...extra });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A node's news reaches the others within two of its ticks; the rest is room for a loaded CI machine. */
const told = () => sleep(15 * TIMING.newsEveryMs);

describe('quotas across hub nodes (Q55)', () => {
  const started: SessionQuotas[] = [];
  const nodes = (count: number, settings: Partial<QuotaSettings>) => {
    const net = sharedNodes(count);
    const quotas = net.shares.map((share) => new SessionQuotas(quotaSettings(settings), Date.now, share, TIMING));
    started.push(...quotas);
    return { net, quotas };
  };
  afterEach(() => {
    for (const q of started.splice(0)) q.stop();
  });

  it('Q55: a session’s sockets count on every node: the one past the limit is refused wherever it lands, and a closed one frees its place everywhere', async () => {
    const { quotas: [a, b] } = nodes(2, { socketsPerSession: 2 });
    const s = session('s1');
    expect(a!.openSocket(s).ok).toBe(true);
    expect(b!.openSocket(s).ok).toBe(true);
    await told();
    expect(a!.openSocket(s)).toEqual({ ok: false, reason: 'TOO_MANY_SOCKETS', limit: 2 });
    expect(b!.openSocket(s)).toEqual({ ok: false, reason: 'TOO_MANY_SOCKETS', limit: 2 });
    // Another session of the same code is not refused.
    expect(b!.openSocket(session('s2')).ok).toBe(true);
    b!.closeSocket(s);
    await told();
    expect(a!.openSocket(s).ok).toBe(true);
  });

  it('Q55: a join code’s sockets count on every node (CODE_SOCKETS_FULL)', async () => {
    const { quotas: [a, b] } = nodes(2, { socketsPerCode: 3 });
    for (const [node, id] of [[a, 's1'], [b, 's2'], [b, 's3']] as const) expect(node!.openSocket(session(id)).ok).toBe(true);
    await told();
    expect(a!.openSocket(session('s4'))).toEqual({ ok: false, reason: 'CODE_SOCKETS_FULL', limit: 3 });
  });

  it('Q55: commands spent on one node are taken from the same budget on the others: the cluster lets through the rate, not the rate per node', async () => {
    const { quotas: [a, b, c] } = nodes(3, { sessionCommands: { perS: 0.01, burst: 6 }, codeCommands: { perS: 1_000, burst: 1_000 }, pointCommands: { perS: 1_000, burst: 1_000 } });
    const s = session('s1');
    for (let i = 0; i < 4; i += 1) expect(a!.command(s).ok).toBe(true);
    expect(b!.command(s).ok).toBe(true);
    await told();
    expect(c!.command(s).ok).toBe(true);
    await told();
    for (const node of [a, b, c]) {
      const refused = node!.command(s);
      expect(refused.ok).toBe(false);
      expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(1_000);
    }
    // Another session is not slowed.
    expect(b!.command(session('s2')).ok).toBe(true);
  });

  it('Q55: while every node spends at once, the cluster stays within the rate (each owes what the others took)', async () => {
    const perS = 50;
    const { quotas } = nodes(3, { sessionCommands: { perS, burst: 5 }, codeCommands: { perS: 10_000, burst: 10_000 }, pointCommands: { perS: 10_000, burst: 10_000 } });
    const s = session('s1');
    let accepted = 0;
    const until = Date.now() + 1_000;
    while (Date.now() < until) {
      for (const q of quotas) if (q.command(s).ok) accepted += 1;
      await sleep(2);
    }
    // One node alone lets 5 + 50 through in a second; three deaf to each other would let 3 × 55. Told of each
    // other, the three take their bursts before they hear, then share the rate: about 15 + 45.
    expect(accepted).toBeGreaterThan(30);
    expect(accepted).toBeLessThanOrEqual(85);
  });

  it('Q55: a node that falls silent stops counting after deadAfterMs, and one that says goodbye at once', async () => {
    const { net, quotas: [a, b, c] } = nodes(3, { socketsPerSession: 1 });
    const s1 = session('s1');
    const s2 = session('s2');
    expect(b!.openSocket(s1).ok).toBe(true);
    expect(c!.openSocket(s2).ok).toBe(true);
    await told();
    expect(a!.openSocket(s1).ok).toBe(false);
    expect(a!.openSocket(s2).ok).toBe(false);
    // Node b dies (its news stops): its consoles reconnect on a, refused only until b is past deadAfterMs.
    net.mute('n1');
    await sleep(TIMING.deadAfterMs + 2 * TIMING.beatEveryMs);
    expect(a!.openSocket(s1).ok).toBe(true);
    // Node c is alive and beating: s2 is still counted there.
    expect(a!.openSocket(s2).ok).toBe(false);
    c!.stop();
    await told();
    expect(a!.openSocket(s2).ok).toBe(true);
  });

  it('Q55: a node that joins says hello and hears every node’s full socket counts', async () => {
    const net = sharedNodes(2);
    const a = new SessionQuotas(quotaSettings({ socketsPerSession: 1 }), Date.now, net.shares[0], { ...TIMING, fullEveryMs: 60_000 });
    started.push(a);
    expect(a.openSocket(session('s1')).ok).toBe(true);
    await told();
    const b = new SessionQuotas(quotaSettings({ socketsPerSession: 1 }), Date.now, net.shares[1], { ...TIMING, fullEveryMs: 60_000 });
    started.push(b);
    await told();
    expect(b.openSocket(session('s1'))).toEqual({ ok: false, reason: 'TOO_MANY_SOCKETS', limit: 1 });
    expect(net.heard.some((news) => news.hello)).toBe(true);
  });

  it('Q55: a node whose news could not go out (Redis away) tells its full counts once it can: a socket closed meanwhile frees its place', async () => {
    const { net, quotas: [a, b] } = nodes(2, { socketsPerSession: 1 });
    const s1 = session('s1');
    expect(b!.openSocket(s1).ok).toBe(true);
    await told();
    expect(a!.openSocket(s1).ok).toBe(false);
    net.cutOff('n1');
    b!.closeSocket(s1);
    await told();
    net.cutOff('n1', false);
    await told();
    expect(a!.openSocket(s1).ok).toBe(true);
  });

  it('Q55: a node heard again after it was forgotten is asked for its full counts (hello), not known by its changes alone', async () => {
    const { net, quotas: [a, b] } = nodes(2, { socketsPerSession: 1 });
    const s1 = session('s1');
    expect(b!.openSocket(s1).ok).toBe(true);
    await told();
    net.mute('n1');
    await sleep(TIMING.deadAfterMs + 3 * TIMING.beatEveryMs);
    net.mute('n1', false);
    // b speaks again (a beat, no counts); a hears a node it had forgotten and says hello; b answers in full.
    await sleep(TIMING.beatEveryMs + 15 * TIMING.newsEveryMs);
    expect(a!.openSocket(s1)).toEqual({ ok: false, reason: 'TOO_MANY_SOCKETS', limit: 1 });
  });
});
