import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSetup } from '../server/src/demo/seedDemo';
import { MediaHub, type MediaHubJoinCode } from '../server/src/media/testing/mediaHub';
import { MediaTestClient } from '../server/src/media/testing/mediaTestClient';
import { TEST_BACKENDS } from '../server/src/media/testing/testBackends';
import { eventually } from './support/consoles';
import { CLIENT_DIR } from './support/hubWithClient';
import { decodesStage, diagnostics, firstStageFrameAt, of, openMediaConsole, received, shootMedia, stage, type MediaConsole } from './support/mediaConsoles';

/**
 * The media plane end to end: a chair, three bridge points and a display, each a headless Chromium with
 * fake devices fed by a generated moving picture and a tone, running the built consoles against the real
 * hub, once on each SFU backend (werift, mediasoup). The floor, granted through the log, decides whose camera the stage shows and
 * whose microphone anyone hears.
 */
jest.setTimeout(150_000);

const CONF = 'hn-e2e-media';
const A = 'thai-nguyen';
const B = 'bac-kan';
const C = 'cao-bang';
const SPEAKER = { [A]: 'Dương Xuân Hùng', [B]: 'Hoàng Văn Thạch', [C]: 'Nông Thị Hạnh' } as const;
/**
 * The product's target is one second from the grant to the queued speaker's picture on every screen, and it
 * is printed against each run. Five Chromiums and the SFU keep this 2-core CI box at 0 % idle, and a page
 * then sometimes hears of the grant late: 26 Nov 2026, 0.13–0.89 s in most runs, outliers up to 1.1 s.
 * The assertion allows that much headroom, so it fails on a real regression (a key-frame wait, a new
 * element starting up: 2–4 s) rather than on the scheduler.
 */
const FLOOR_SWITCH_TARGET_MS = 1_000;
const FLOOR_SWITCH_BUDGET_MS = 1_500;
/**
 * A grant nobody saw coming (the request filed a moment before) needs a new consumer on every screen: a
 * round trip, an SDP renegotiation and a key frame. Measured 0.4–1.8 s here alone, 2.8 s once while other
 * suites shared the cores; held to three seconds (docs/media.md).
 */
const COLD_SWITCH_BUDGET_MS = 3_000;
const SILENCE_WINDOW_MS = 1_500;
const PORTS = { werift: { min: 43_400, max: 43_499 }, mediasoup: { min: 46_200, max: 46_299 } } as const;

describe.each(TEST_BACKENDS)('media driven by the floor, in five browsers, on the %s SFU', (backendName) => {
  /** Screenshots keep their names on werift; mediasoup's carry its name. */
  const shot = (name: string) => (backendName === 'werift' ? name : `${name}-${backendName}`);
  let hub: MediaHub;
  let codes: MediaHubJoinCode[];
  let chairSocket: MediaTestClient;
  let nextRequestId = '';
  const work = mkdtempSync(join(tmpdir(), `diem-cau-media-e2e-${backendName}-`));
  const consoles: Record<'chair' | 'a' | 'b' | 'c' | 'display', MediaConsole> = {} as never;

  const code = (role: string, pointId?: string) => {
    const found = codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId));
    if (!found) throw new Error(`no join code for ${role} ${pointId ?? ''}`);
    return found.code;
  };

  /** The chair asks the floor for a point's delegate (on its behalf); the request's id is its command id. */
  async function requestFloor(pointId: keyof typeof SPEAKER): Promise<string> {
    const requestId = randomUUID();
    expect(await chairSocket.command({ type: 'floor.request', commandId: requestId, pointId, delegate: { name: SPEAKER[pointId], position: '' }, articles: [], topic: '' })).toMatchObject({ ok: true });
    return requestId;
  }

  /** …and grants it; resolves at the grant's ack. */
  async function giveFloor(pointId: keyof typeof SPEAKER): Promise<void> {
    const requestId = await requestFloor(pointId);
    expect(await chairSocket.command({ type: 'floor.grant', requestId })).toMatchObject({ ok: true });
  }

  beforeAll(async () => {
    if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('client/dist is missing: run `npm run build -w client` first (npm test does)');
    hub = await MediaHub.start({ ports: PORTS[backendName], backend: backendName, clientDir: CLIENT_DIR });
    ({ joinCodes: codes } = await hub.createConference(demoSetup(), CONF));
    const session = await hub.session(code('chair'));
    chairSocket = await MediaTestClient.connect(hub.url, session.token, CONF);
    const laptop = { width: 1280, height: 800 };
    [consoles.chair, consoles.a, consoles.b, consoles.c, consoles.display] = await Promise.all([
      openMediaConsole(hub.url, work, 'chair', code('chair'), { width: 1440, height: 900 }, { u: 128, v: 128, toneHz: 330 }),
      openMediaConsole(hub.url, work, 'a', code('point', A), laptop, { u: 90, v: 170, toneHz: 440 }),
      openMediaConsole(hub.url, work, 'b', code('point', B), laptop, { u: 170, v: 90, toneHz: 550 }),
      openMediaConsole(hub.url, work, 'c', code('point', C), laptop, { u: 170, v: 170, toneHz: 660 }),
      openMediaConsole(hub.url, work, 'display', code('display'), { width: 1280, height: 720 }, { u: 128, v: 128, toneHz: 220 }),
    ]);
    expect(await chairSocket.command({ type: 'conference.start' })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await Promise.all(Object.values(consoles).map((c) => c?.context.close()));
    await chairSocket?.close();
    await hub?.close();
    rmSync(work, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(Object.values(consoles).flatMap((c) => c?.errors ?? [])).toEqual([]);
  });

  it('every point publishes; the chair sees each point’s thumbnail in its grid', async () => {
    const tiles = consoles.chair.page.locator('[data-testid=media-tile][data-video=on]');
    await eventually(() => tiles.count(), (n) => n === 3, 'three live tiles on the chair', 30_000);
    const widths = () => consoles.chair.page.locator('[data-testid=media-tile] video').evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).videoWidth));
    await eventually(widths, (w) => w.length === 3 && w.every((x) => x > 0), 'three decoded thumbnails');
    // The grid receives the small copy, never the main camera.
    const chairStats = await received(consoles.chair.page);
    expect(chairStats.filter((s) => s.kind === 'video').map((s) => s.source)).toEqual(['thumb', 'thumb', 'thumb']);
  });

  it('A holds the floor: B, C and the display decode A’s camera with name and timer, and hear A', async () => {
    await giveFloor(A);
    const watchers = [consoles.b, consoles.c, consoles.display];
    await Promise.all(watchers.map((w) => decodesStage(w.page, A, 20_000)));
    for (const w of watchers) expect((await stage(w.page)).caption).toContain(SPEAKER[A]);
    await Promise.all(watchers.map(async (w) => {
      const first = of(await received(w.page), A, 'mic');
      await eventually(async () => of(await received(w.page), A, 'mic'), (s) => (s?.audioLevel ?? 0) > 0 && (s?.totalAudioEnergy ?? 0) > (first?.totalAudioEnergy ?? 0), `${w.name} hears A`);
    }));
    await consoles.a.page.locator('[data-testid=media-self][data-self-state=speaking]').waitFor();
    await consoles.b.page.locator('[data-testid=media-self][data-self-state=held]').waitFor();
    await consoles.chair.page.locator(`[data-testid=media-tile][data-point=${A}].mv-tile--floor`).waitFor();
    // The chair sees the speaker large, with the grid beside it.
    await consoles.chair.page.getByTestId('chair-stage').waitFor();
    await decodesStage(consoles.chair.page, A, 10_000);
    const micStates = () => consoles.chair.page.locator('[data-testid=media-tile][data-video=on]').evaluateAll((tiles) => tiles.map((t) => `${t.getAttribute('data-point')}:${t.getAttribute('data-mic')}`));
    await eventually(micStates, (m) => m.join() === [`${A}:live`, `${B}:held`, `${C}:held`].join(), 'the chair sees who is heard');
    await new Promise((r) => setTimeout(r, 1_000)); // a few frames for the pictures
    await shootMedia(consoles.chair, shot('media-chair-grid'));
    // B asks for the floor while A speaks: the screens receive B's camera ahead, on standby.
    nextRequestId = await requestFloor(B);
    await shootMedia(consoles.a, shot('media-point-with-floor'));
    await shootMedia(consoles.b, shot('media-point-watching'));
    await shootMedia(consoles.display, shot('media-display'));
  });

  it('the floor moves to B: everyone decodes B at once (target 1 s), and A’s audio stops reaching anyone', async () => {
    const watchers = [consoles.a, consoles.c, consoles.display];
    await Promise.all(watchers.map((w) => eventually(async () => of(await received(w.page), B, 'main'), Boolean, `${w.name} has B on standby`)));
    const started = Date.now();
    expect(await chairSocket.command({ type: 'floor.grant', requestId: nextRequestId })).toMatchObject({ ok: true });
    // Timed in the page (same machine clock): the first decoded frame of B's camera on the stage.
    const elapsed = await Promise.all(watchers.map(async (w) => (await firstStageFrameAt(w.page, B)) - started));
    process.stdout.write(`${backendName}: floor switch A → B (B queued): B decoded after ${elapsed.join(' / ')} ms (point A / point C / display); target ${FLOOR_SWITCH_TARGET_MS} ms\n`);
    expect(Math.max(...elapsed)).toBeLessThanOrEqual(FLOOR_SWITCH_BUDGET_MS);
    await Promise.all(watchers.map((w) => decodesStage(w.page, B, 5_000)));
    // A's microphone is held on the hub: its packets stop for every listener (chair included).
    await new Promise((r) => setTimeout(r, 300));
    const listeners = [consoles.chair, consoles.b, consoles.c, consoles.display];
    const before = await Promise.all(listeners.map(async (l) => of(await received(l.page), A, 'mic')?.bytesReceived));
    await new Promise((r) => setTimeout(r, SILENCE_WINDOW_MS));
    const after = await Promise.all(listeners.map(async (l) => of(await received(l.page), A, 'mic')?.bytesReceived));
    expect(before.every((b) => typeof b === 'number' && b > 0)).toBe(true);
    expect(after).toEqual(before);
    await consoles.a.page.locator('[data-testid=media-self][data-self-state=held]').waitFor();
  });

  it('request mode: C, never given the floor, un-pauses its own microphone from the page and is still never heard', async () => {
    const c = consoles.c.page;
    const answer = await diagnostics(c, (d) => d.request({ action: 'resumeProducer', producerId: d.ownProducerId('mic') }));
    expect(answer).toMatchObject({ ok: true, data: { paused: true, heldByServer: true } });
    await consoles.c.page.locator('[data-testid=media-self][data-self-state=held]').waitFor();
    await new Promise((r) => setTimeout(r, SILENCE_WINDOW_MS));
    for (const l of [consoles.chair, consoles.a, consoles.b, consoles.display]) {
      const heard = of(await received(l.page), C, 'mic');
      expect(heard).toBeDefined();
      expect(heard?.bytesReceived).toBe(0);
    }
  });

  it('a floor switch nobody saw coming (no standby) reaches every screen within three seconds', async () => {
    const requestId = await requestFloor(A);
    const started = Date.now();
    expect(await chairSocket.command({ type: 'floor.grant', requestId })).toMatchObject({ ok: true });
    const watchers = [consoles.b, consoles.c, consoles.display];
    const elapsed = await Promise.all(watchers.map(async (w) => (await firstStageFrameAt(w.page, A)) - started));
    process.stdout.write(`${backendName}: floor switch B → A (cold): A decoded after ${elapsed.join(' / ')} ms (point B / point C / display)\n`);
    expect(Math.max(...elapsed)).toBeLessThanOrEqual(COLD_SWITCH_BUDGET_MS);
  });
});
