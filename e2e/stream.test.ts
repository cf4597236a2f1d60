import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSetup } from '../server/src/demo/seedDemo';
import { MediaHub, type MediaHubJoinCode } from '../server/src/media/testing/mediaHub';
import { MediaTestClient } from '../server/src/media/testing/mediaTestClient';
import { findFfmpeg } from '../server/src/stream/ffmpegProcess';
import { eventually } from './support/consoles';
import { CLIENT_DIR } from './support/hubWithClient';
import { liveEdgeChroma, nearest, parsePlaylist } from './support/hlsProbe';
import { openMediaConsole, type MediaConsole } from './support/mediaConsoles';

/**
 * The livestream of the floor end to end (issue 13): a chair and two points, each a headless Chromium publishing a
 * generated moving picture of its own colour, on the real hub (werift), which forwards the floor holder's camera
 * and microphone as RTP to a real FFmpeg; the HLS it writes is read over HTTP and decoded with FFmpeg to tell whose
 * picture it carries.
 */
jest.setTimeout(180_000);

const CONF = 'hn-e2e-stream';
const A = 'thai-nguyen';
const B = 'bac-kan';
const SPEAKER = { [A]: 'Dương Xuân Hùng', [B]: 'Hoàng Văn Thạch' } as const;
const COLOURS = { chair: { u: 128, v: 128 }, [A]: { u: 90, v: 170 }, [B]: { u: 170, v: 90 } } as const;
/** The bound from a grant to the new speaker on a viewer, and its target. */
const SWITCH_BUDGET_MS = 8_000;
const SWITCH_TARGET_MS = 6_000;
/** This suite's UDP ports: the SFU's and FFmpeg's RTP inputs (clear of the other suites' 40000–47999). */
const SFU_PORTS = { min: 48_000, max: 48_099 };
const RTP_PORTS = { min: 48_400, max: 48_419 };

const ffmpegPath = findFfmpeg();

describe('the livestream of the floor (werift, FFmpeg, HLS over HTTP)', () => {
  let hub: MediaHub;
  let codes: MediaHubJoinCode[];
  let chairSocket: MediaTestClient;
  let liveUrl = '';
  const work = mkdtempSync(join(tmpdir(), 'diem-cau-stream-e2e-'));
  const consoles: Record<'chair' | 'a' | 'b', MediaConsole> = {} as never;

  const code = (role: string, pointId?: string) => {
    const found = codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId));
    if (!found) throw new Error(`no join code for ${role} ${pointId ?? ''}`);
    return found.code;
  };

  async function giveFloor(pointId: keyof typeof SPEAKER): Promise<void> {
    const requestId = randomUUID();
    expect(await chairSocket.command({ type: 'floor.request', commandId: requestId, pointId, delegate: { name: SPEAKER[pointId], position: '' }, articles: [{ article: 5 }], topic: '' })).toMatchObject({ ok: true });
    expect(await chairSocket.command({ type: 'floor.grant', requestId })).toMatchObject({ ok: true });
  }

  /** Whose camera the newest live segment shows. */
  const onAir = async () => {
    const chroma = await liveEdgeChroma(liveUrl).catch(() => null);
    return chroma ? { who: nearest(chroma, COLOURS), ...chroma } : null;
  };

  beforeAll(async () => {
    if (!ffmpegPath) throw new Error('ffmpeg is missing: node -e "import(\'./scripts/systemDeps.mjs\').then(m=>m.ensureSystemDeps())"');
    if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('client/dist is missing: run `npm run build -w client` first');
    hub = await MediaHub.start({
      ports: SFU_PORTS, backend: 'werift', clientDir: CLIENT_DIR,
      stream: { ffmpegPath, rtpPortMin: RTP_PORTS.min, rtpPortMax: RTP_PORTS.max, height: 240, videoKbps: 400, minFreeMb: 16, retentionDays: 0 },
    });
    ({ joinCodes: codes } = await hub.createConference(demoSetup(), CONF));
    const session = await hub.session(code('chair'));
    chairSocket = await MediaTestClient.connect(hub.url, session.token, CONF);
    const laptop = { width: 1024, height: 700 };
    [consoles.chair, consoles.a, consoles.b] = await Promise.all([
      openMediaConsole(hub.url, work, 'chair', code('chair'), laptop, { ...COLOURS.chair, toneHz: 330 }),
      openMediaConsole(hub.url, work, 'a', code('point', A), laptop, { ...COLOURS[A], toneHz: 440 }),
      openMediaConsole(hub.url, work, 'b', code('point', B), laptop, { ...COLOURS[B], toneHz: 550 }),
    ]);
    expect(await chairSocket.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    const info = (await (await fetch(`${hub.url}/api/conferences/${CONF}/stream`, { headers: { authorization: `Bearer ${session.token}` } })).json()) as { enabled: boolean; url: string };
    expect(info.enabled).toBe(true);
    liveUrl = `${hub.url}${info.url}`;
  });

  afterAll(async () => {
    await Promise.all(Object.values(consoles).map((c) => c?.context.close()));
    await chairSocket?.close();
    await hub?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('between speeches the stream carries the chair; the playlist slides over 2 s segments', async () => {
    const first = await eventually(async () => parsePlaylist(await (await fetch(liveUrl)).text()), (p) => p.segments.length >= 2, 'a live playlist', 40_000);
    expect(first.endList).toBe(false);
    await eventually(onAir, (x) => x?.who === 'chair', 'the chair on air', 20_000);
    const later = await eventually(async () => parsePlaylist(await (await fetch(liveUrl)).text()), (p) => p.mediaSequence > first.mediaSequence, 'the playlist slides', 10_000);
    expect(later.segments.length).toBeLessThanOrEqual(6);
  });

  it('a grant to A, then to B: the stream shows each speaker without restarting (grant → new speaker on the HLS)', async () => {
    const runsBefore = hub.stream!.stream(CONF)!.counters.runs;
    for (const point of [A, B] as const) {
      const granted = Date.now();
      await giveFloor(point);
      await eventually(onAir, (x) => x?.who === point, `${point} on air`, SWITCH_BUDGET_MS + 4_000);
      const ms = Date.now() - granted;
      process.stdout.write(`stream: grant → ${point} in the live HLS's newest segment: ${ms} ms\n`);
      expect(ms).toBeLessThan(SWITCH_BUDGET_MS);
    }
    expect(hub.stream!.stream(CONF)!.counters.runs).toBe(runsBefore);
    void SWITCH_TARGET_MS;
  });
});
