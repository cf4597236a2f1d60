import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSetup } from '../server/src/demo/seedDemo';
import { MEDIA_HUB_ADMIN_TOKEN, MediaHub, type MediaHubJoinCode } from '../server/src/media/testing/mediaHub';
import { MediaTestClient } from '../server/src/media/testing/mediaTestClient';
import { TEST_BACKENDS } from '../server/src/media/testing/testBackends';
import { findFfmpeg } from '../server/src/stream/ffmpegProcess';
import type { Browser, Page } from 'playwright-core';
import { eventually, launchChromium, SCREENSHOT_DIR } from './support/consoles';
import { CLIENT_DIR } from './support/hubWithClient';
import { liveEdgeChroma, nearest, parsePlaylist, probe } from './support/hlsProbe';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { SpeechRecording } from '@diem-cau/shared';
import { openMediaConsole, type MediaConsole } from './support/mediaConsoles';
import { openConsole } from './support/consoles';
import { isSlate } from '../server/src/stream/testing/liveEdge';

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
/** The issue's bound from a grant to the new speaker on a viewer, and its target. */
const SWITCH_BUDGET_MS = 8_000;
const SWITCH_TARGET_MS = 6_000;
/** This suite's UDP ports: the SFU's and FFmpeg's RTP inputs (clear of the other suites' 40000–47999). */
const SFU_PORTS = { werift: { min: 48_000, max: 48_099 }, mediasoup: { min: 48_100, max: 48_199 } } as const;
const RTP_PORTS = { werift: { min: 48_400, max: 48_419 }, mediasoup: { min: 48_460, max: 48_479 } } as const;

const ffmpegPath = findFfmpeg();

describe.each(TEST_BACKENDS)('the livestream of the floor (%s SFU, FFmpeg, HLS over HTTP)', (backendName) => {
  /** Screenshots keep their names on werift; mediasoup's carry its name. */
  const shot = (name: string) => join(SCREENSHOT_DIR, `${backendName === 'werift' ? name : `${name}-${backendName}`}.png`);
  let hub: MediaHub;
  let codes: MediaHubJoinCode[];
  let chairSocket: MediaTestClient;
  let liveUrl = '';
  let organiserToken = '';
  let recordedSpeechId = '';
  const organiser = (path: string, init: RequestInit = {}) => fetch(`${hub.url}/api/conferences/${CONF}${path}`, { ...init, headers: { authorization: `Bearer ${organiserToken}` } });
  const recordings = async () => ((await (await organiser('/recordings')).json()) as { speeches: SpeechRecording[] }).speeches;
  const work = mkdtempSync(join(tmpdir(), 'diem-cau-stream-e2e-'));
  const consoles: Record<'chair' | 'a' | 'b', MediaConsole> = {} as never;
  let viewerBrowser: Browser;
  let viewer: Page;
  const viewerErrors: string[] = [];

  /** What the viewer page shows: its video's state and picture colour, the caption's point and text. */
  const onViewer = () => viewer.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid=viewer-video]');
    const caption = document.querySelector<HTMLElement>('[data-testid=viewer-speaker]');
    let u = 0;
    let v = 0;
    let rgb = [0, 0, 0];
    if (video && video.videoWidth > 0) {
      const canvas = document.createElement('canvas');
      canvas.width = 8;
      canvas.height = 8;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(video, 0, 0, 8, 8);
      const px = ctx.getImageData(0, 0, 8, 8).data;
      let r = 0, g = 0, b = 0;
      for (let i = 0; i < px.length; i += 4) { r += px[i]!; g += px[i + 1]!; b += px[i + 2]!; }
      const n = px.length / 4;
      [r, g, b] = [r / n, g / n, b / n];
      rgb = [r, g, b];
      u = -0.169 * r - 0.331 * g + 0.5 * b + 128;
      v = 0.5 * r - 0.419 * g - 0.081 * b + 128;
    }
    return {
      currentTime: video?.currentTime ?? 0, frames: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0, muted: video?.muted ?? false,
      width: video?.videoWidth ?? 0, u, v, rgb, point: caption?.dataset.point ?? '', caption: caption?.textContent ?? '',
      stalled: document.getElementById('viewer')?.dataset.stalled ?? '', peerConnections: (window as unknown as { peerConnections: number }).peerConnections,
      sound: document.querySelector('[data-testid=viewer-sound]')?.textContent ?? '',
    };
  });

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
      ports: SFU_PORTS[backendName], backend: backendName, clientDir: CLIENT_DIR,
      stream: { ffmpegPath, rtpPortMin: RTP_PORTS[backendName].min, rtpPortMax: RTP_PORTS[backendName].max, height: 240, videoKbps: 400, minFreeMb: 16, retentionDays: 0 },
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
    organiserToken = (await hub.session(code('organiser'))).token;
    viewerBrowser = await launchChromium();
    viewer = await viewerBrowser.newPage({ viewport: { width: 960, height: 720 }, locale: 'vi-VN' });
    // Counts every WebRTC connection the page would open: the viewer must open none.
    await viewer.addInitScript(() => {
      const w = window as unknown as { peerConnections: number; RTCPeerConnection: unknown };
      w.peerConnections = 0;
      const Original = window.RTCPeerConnection;
      w.RTCPeerConnection = function (...args: ConstructorParameters<typeof RTCPeerConnection>) {
        w.peerConnections++;
        return new Original(...args);
      };
    });
    viewer.on('pageerror', (e) => viewerErrors.push(e.message));
  });

  afterAll(async () => {
    await viewerBrowser?.close();
    await Promise.all(Object.values(consoles).map((c) => c?.context.close()));
    await chairSocket?.close();
    await hub?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('LS1: between speeches the stream carries the chair; the playlist slides over 2 s segments', async () => {
    const first = await eventually(async () => parsePlaylist(await (await fetch(liveUrl)).text()), (p) => p.segments.length >= 2, 'a live playlist', 40_000);
    expect(first.endList).toBe(false);
    await eventually(onAir, (x) => x?.who === 'chair', 'the chair on air', 20_000);
    const later = await eventually(async () => parsePlaylist(await (await fetch(liveUrl)).text()), (p) => p.mediaSequence > first.mediaSequence, 'the playlist slides', 10_000);
    expect(later.segments.length).toBeLessThanOrEqual(6);
  });

  it('LS7: the viewer page, opened with the view-only link, plays the stream muted with a sound button, and opens no WebRTC connection', async () => {
    const link = codes.find((c) => c.role === 'viewer')!.link;
    expect(link).toMatch(/\/xem#code=/);
    await viewer.goto(`${hub.url}${new URL(link).pathname}${new URL(link).hash}`);
    const first = await eventually(onViewer, (s) => s.frames > 0 && s.currentTime > 0, 'the viewer decodes frames', 40_000);
    await eventually(onViewer, (s) => s.currentTime > first.currentTime + 2 && s.frames > first.frames + 20, 'the viewer’s time advances', 15_000);
    const now = await onViewer();
    expect(now.muted).toBe(true);
    expect(now.sound).toContain('Bật âm thanh');
    expect(now.peerConnections).toBe(0);
    expect(nearest(now, COLOURS)).toBe('chair');
    expect(now.caption).toContain('Chủ trì điều hành');
    await viewer.getByTestId('viewer-sound').click();
    expect((await onViewer()).muted).toBe(false);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await viewer.screenshot({ path: shot('viewer-chair') });
  });

  it('LS1: a grant to A, then to B: the stream follows without restarting; the viewer shows each new speaker’s picture and name (grant → viewer, target 6 s, bound 8 s)', async () => {
    const runsBefore = hub.stream!.stream(CONF)!.counters.runs;
    for (const point of [A, B] as const) {
      const granted = Date.now();
      await giveFloor(point);
      const [hlsMs, viewerMs] = await Promise.all([
        eventually(onAir, (x) => x?.who === point, `${point} on air`, SWITCH_BUDGET_MS + 4_000).then(() => Date.now() - granted),
        eventually(onViewer, (s) => s.point === point && s.caption.includes(SPEAKER[point]) && nearest(s, COLOURS) === point, `${point} on the viewer`, SWITCH_BUDGET_MS + 4_000).then(() => Date.now() - granted),
      ]);
      process.stdout.write(`stream (${backendName}): grant → ${point}: newest live segment ${hlsMs} ms, viewer page picture and name ${viewerMs} ms (target ${SWITCH_TARGET_MS} ms, bound ${SWITCH_BUDGET_MS} ms)\n`);
      expect(viewerMs).toBeLessThan(SWITCH_BUDGET_MS);
    }
    expect(hub.stream!.stream(CONF)!.counters.runs).toBe(runsBefore);
    const shown = await onViewer();
    expect(shown.caption).toContain('Điều 5');
    expect(shown.peerConnections).toBe(0);
    await viewer.screenshot({ path: shot('viewer-speaker') });
    expect(viewerErrors).toEqual([]);
  });

  it('LS2, LS3: every speech has its recording range; each plays as a VOD playlist and downloads as an MP4 of its length (± 1 s)', async () => {
    // B speaks on until the recording holds six seconds of it, then the chair ends the speech.
    const speechB = await eventually(recordings, (all) => (all.find((s) => s.pointId === B && s.endedAt === undefined)?.recordedMs ?? 0) >= 6_000, 'six seconds of B recorded', 20_000);
    const bId = speechB.find((s) => s.pointId === B && s.endedAt === undefined)!.speechId;
    recordedSpeechId = bId;
    expect(await chairSocket.command({ type: 'floor.revoke', speechId: bId })).toMatchObject({ ok: true });
    const all = await eventually(recordings, (list) => {
      const b = list.find((s) => s.speechId === bId);
      return b?.endedAt !== undefined && b.ranges.length > 0 && b.ranges[b.ranges.length - 1]!.toMs >= b.endedAt;
    }, 'the end of B’s speech recorded', 15_000);
    const spoken = all.filter((s) => s.pointId === A || s.pointId === B);
    expect(spoken.map((s) => s.pointId)).toEqual([A, B]);
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-speech-'));
    for (const speech of spoken) {
      const lengthS = (speech.endedAt! - speech.startedAt) / 1000;
      // One stretch, the whole speech: no gap while FFmpeg ran.
      expect(speech.ranges).toHaveLength(1);
      expect(Math.abs(speech.recordedMs / 1000 - lengthS)).toBeLessThan(1);
      const playlist = await organiser(`/recordings/speeches/${speech.speechId}/index.m3u8`);
      expect(playlist.status).toBe(200);
      const segments = parsePlaylist(await playlist.text()).segments;
      expect(segments.length).toBeGreaterThan(0);
      expect((await organiser(segments[0]!.replace(`/api/conferences/${CONF}`, ''))).status).toBe(200);
      const mp4 = await organiser(`/recordings/speeches/${speech.speechId}/speech.mp4`);
      expect(mp4.status).toBe(200);
      const file = join(dir, `${speech.speechId}.mp4`);
      writeFileSync(file, Buffer.from(await mp4.arrayBuffer()));
      const probed = await probe(file);
      process.stdout.write(`stream (${backendName}): recording of ${speech.pointId}'s speech: ${probed.duration.toFixed(2)} s for ${lengthS.toFixed(2)} s spoken\n`);
      expect(probed.codecs.sort()).toEqual(['aac', 'h264']);
      expect(Math.abs(probed.duration - lengthS)).toBeLessThanOrEqual(1);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('LS3: a comment made in a speech links, in the organiser workspace, to that speech’s recording, which plays and downloads', async () => {
    expect(await chairSocket.command({ type: 'comment.log', kind: 'agree', text: 'Tán thành Điều 5', speechId: recordedSpeechId, articles: [{ article: 5 }] })).toMatchObject({ ok: true });
    const page = await viewerBrowser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    await page.goto(`${hub.url}/to-chuc#/c/${CONF}/responses`);
    await page.getByLabel('Mã quản trị').fill(MEDIA_HUB_ADMIN_TOKEN);
    await page.getByLabel('Mã quản trị').press('Enter');
    await page.getByTestId('response-recording').click();
    await eventually(() => page.evaluate(() => location.hash), (h) => h === `#/c/${CONF}/recordings/${recordedSpeechId}`, 'the recordings tab at the speech');
    const player = page.getByTestId('recording-player');
    const played = () => player.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, time: v.currentTime }));
    const first = await eventually(played, (p) => p.width > 0 && p.time > 0, 'the speech plays in the workspace', 30_000);
    await eventually(played, (p) => p.time > first.time + 1, 'its time advances', 15_000);
    const row = page.locator(`[data-testid=recording][data-speech="${recordedSpeechId}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('recording-download').click()]);
    const file = join(work, 'downloaded.mp4');
    await download.saveAs(file);
    expect((await probe(file)).codecs.sort()).toEqual(['aac', 'h264']);
    await page.screenshot({ path: shot('organiser-recordings') });
    await page.close();
  });

  it('LS12: a secretary plays, from a comment in their console, the recording of the speech it was made in', async () => {
    const browser = await launchChromium();
    try {
      const secretary = await openConsole(browser, hub.url, 'secretary', code('secretary'), { width: 1280, height: 900 });
      const listen = secretary.page.locator('[data-testid=comment]', { hasText: 'Tán thành Điều 5' }).getByTestId('comment-listen-open');
      await listen.click();
      const player = secretary.page.getByTestId('recording-player');
      const played = () => player.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, time: v.currentTime }));
      const first = await eventually(played, (p) => p.width > 0 && p.time > 0, 'the speech plays in the secretary console', 30_000);
      await eventually(played, (p) => p.time > first.time + 1, 'its time advances', 15_000);
      await secretary.page.screenshot({ path: shot('secretary-listen') });
      expect(secretary.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('LS3: the minutes (print view and DOCX) link each recorded speech to its recording in the organiser workspace', async () => {
    const link = `/to-chuc/ghi-hinh/${CONF}/${recordedSpeechId}`;
    const html = await (await organiser('/reports/minutes.html')).text();
    expect(html).toContain(`data-recording="${recordedSpeechId}"`);
    expect(html).toContain(`${link}"`);
    const docx = await JSZip.loadAsync(Buffer.from(await (await organiser('/reports/minutes.docx')).arrayBuffer()));
    const document = await docx.file('word/document.xml')!.async('string');
    const rels = await docx.file('word/_rels/document.xml.rels')!.async('string');
    expect(document).toContain('Nghe lại bản ghi hình');
    expect(rels).toContain(link);
    // The link leads into the workspace at that speech (Word keeps no #fragment: the hub redirects).
    const followed = await fetch(`${hub.url}${link}`, { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(`/to-chuc#/c/${CONF}/recordings/${recordedSpeechId}`);
    // A speech with nothing recorded has no link: as many links as recorded speeches.
    const recorded = (await recordings()).filter((s) => s.ranges.length > 0).length;
    expect(html.match(/data-recording=/g)?.length).toBe(recorded);
  });

  it('LS4: only the organiser and secretaries hear recordings, only the organiser deletes them; a point and a viewer are refused', async () => {
    const pointToken = (await hub.session(code('point', A))).token;
    const viewerToken = (await hub.session(code('viewer'))).token;
    for (const token of [pointToken, viewerToken]) {
      const res = await fetch(`${hub.url}/api/conferences/${CONF}/recordings`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    const secretary = (await hub.session(code('secretary'))).token;
    expect((await fetch(`${hub.url}/api/conferences/${CONF}/recordings`, { headers: { authorization: `Bearer ${secretary}` } })).status).toBe(200);
    expect((await fetch(`${hub.url}/api/conferences/${CONF}/recordings`, { method: 'DELETE', headers: { authorization: `Bearer ${secretary}` } })).status).toBe(403);
    const stream = await (await fetch(`${hub.url}/api/conferences/${CONF}/stream`, { headers: { authorization: `Bearer ${viewerToken}` } })).json() as { warning?: unknown; url: string };
    expect(stream.url).toContain('/live/index.m3u8');
    expect(stream.warning).toBeUndefined();
    // A wrong key in the path is no stream at all.
    expect((await fetch(liveUrl.replace(/\/[A-Za-z0-9_-]{22}\//, '/AAAAAAAAAAAAAAAAAAAAAA/'))).status).toBe(404);
  });

  it('LS9: the chair’s camera off between speeches: the viewer shows the slate and plays on, in the same FFmpeg run; on again, the chair', async () => {
    const stream = hub.stream!.stream(CONF)!;
    const runs = stream.counters.runs;
    const cameraButton = consoles.chair.page.getByTestId('media-self').getByRole('button', { name: 'Tắt camera' });
    await cameraButton.click();
    const off = Date.now();
    const slate = await eventually(onViewer, (s) => isSlate(s.rgb), 'the slate on the viewer', 20_000);
    process.stdout.write(`stream (${backendName}): chair camera off → slate on the viewer ${Date.now() - off} ms\n`);
    // It plays on: time advances and the page never says it is reconnecting.
    const later = await eventually(onViewer, (s) => s.currentTime > slate.currentTime + 4, 'the slate plays on', 15_000);
    expect(later.stalled).toBe('false');
    expect(isSlate(later.rgb)).toBe(true);
    await viewer.screenshot({ path: shot('viewer-slate') });
    await consoles.chair.page.getByTestId('media-self').getByRole('button', { name: 'Bật camera' }).click();
    await eventually(onViewer, (s) => nearest(s, COLOURS) === 'chair' && !isSlate(s.rgb), 'the chair again', 20_000);
    expect(stream.counters.runs).toBe(runs);
  });

  it('LS5, LS11: FFmpeg killed mid-speech is restarted with backoff; the stream goes on, the speech’s recording shows the gap; the organiser’s workspace warns of it on any tab until it recovers', async () => {
    const stream = hub.stream!.stream(CONF)!;
    const runs = stream.counters.runs;
    const workspace = await viewerBrowser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await workspace.goto(`${hub.url}/to-chuc#/c/${CONF}/codes`);
    await workspace.getByLabel('Mã quản trị').fill(MEDIA_HUB_ADMIN_TOKEN);
    await workspace.getByLabel('Mã quản trị').press('Enter');
    await workspace.getByTestId('conference-status').waitFor();
    const banner = workspace.getByTestId('stream-warning');
    expect(await banner.count()).toBe(0);
    await giveFloor(A);
    const speechA = await eventually(recordings, (all) => (all.find((s) => s.pointId === A && s.endedAt === undefined)?.recordedMs ?? 0) >= 3_000, 'A recorded again', 20_000);
    const aId = speechA.find((s) => s.pointId === A && s.endedAt === undefined)!.speechId;
    // The banner lasts as long as the restart waits (1 s): read it as it appears.
    const warned = workspace.waitForFunction(() => {
      const el = document.querySelector('[data-testid=stream-warning]');
      return el ? { kind: el.getAttribute('data-kind'), text: el.textContent ?? '' } : null;
    }, undefined, { timeout: 10_000 }).then((handle) => handle.jsonValue());
    stream.killFfmpeg();
    const shown = await warned;
    expect(shown?.kind).toBe('ffmpegRestarting');
    expect(shown?.text).toContain('FFmpeg đang được khởi động lại');
    await eventually(async () => stream.counters.runs, (n) => n === runs + 1, 'FFmpeg restarted', 10_000);
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    await workspace.close();
    await eventually(onAir, (x) => x?.who === A, 'A on air after the restart', 20_000);
    await eventually(onViewer, (s) => s.point === A && nearest(s, COLOURS) === A && s.stalled === 'false', 'the viewer plays on', 30_000);
    const withGap = await eventually(recordings, (all) => (all.find((s) => s.speechId === aId)?.ranges.length ?? 0) >= 2, 'two recorded stretches around the gap', 15_000);
    const ranges = withGap.find((s) => s.speechId === aId)!.ranges;
    const gapMs = ranges[1]!.fromMs - ranges[0]!.toMs;
    process.stdout.write(`stream (${backendName}): FFmpeg killed: restarted, recording gap ${gapMs} ms\n`);
    expect(gapMs).toBeGreaterThan(500);
  });

  it('LS6: the organiser deletes the conference’s recordings', async () => {
    const res = await organiser('/recordings', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deletedRuns: number }).deletedRuns).toBeGreaterThanOrEqual(2);
    const after = await recordings();
    expect(after.filter((s) => s.endedAt !== undefined).every((s) => s.ranges.length === 0)).toBe(true);
  });
});
