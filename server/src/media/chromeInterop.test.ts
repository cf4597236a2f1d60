import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DtlsParameters, RtpParameters, TransportInfo } from '../../../shared/src/media';
import { MediaRoom } from './mediaRoom';
import { ROUTER_RTP_CAPABILITIES } from './routerCapabilities';
import type { SfuBackend } from './sfuBackend';
import { sleep } from './testing/harness';
import { everyNth, LossyLink, type DropRule } from './testing/lossyLink';
import { startTestBackend, TEST_BACKENDS } from './testing/testBackends';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

type Stat = Record<string, unknown> & { type: string };
interface PageStats {
  video?: { stats: Stat[]; videoWidth: number };
  audio?: { stats: Stat[]; videoWidth: number };
  send?: Stat[];
}

const inbound = (s: { stats: Stat[] } | undefined) => s?.stats.find((x) => x.type === 'inbound-rtp') as Record<string, number> | undefined;

const VP8_PAYLOAD_TYPE = ROUTER_RTP_CAPABILITIES.codecs?.find((c) => c.mimeType === 'video/VP8')?.preferredPayloadType;
const PORTS = { werift: { min: 43_000, max: 43_099 }, mediasoup: { min: 46_100, max: 46_199 } } as const;

/**
 * Unmodified mediasoup-client in headless Chromium against each SFU backend, through the MediaRoom. Every transport
 * is reached through a LossyLink, so loss is made on the wire the same way for both backends.
 */
describe.each(TEST_BACKENDS)('Chromium + mediasoup-client against the %s SFU', (backendName) => {
  /** Applied by every link: RTP towards the pages, and from them. */
  const loss: { toPage: DropRule | null; fromPage: DropRule | null } = { toPage: null, fromPage: null };
  const links: LossyLink[] = [];
  /** The payload type Chromium sends its VP8 under (its own numbering, from the produce request). */
  let publishedVp8PayloadType: number | undefined;
  let room: MediaRoom;
  let backend: SfuBackend;
  let close: () => Promise<void>;
  let publisher: Page;
  let viewer: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    backend = await startTestBackend(backendName, PORTS[backendName]);
    room = await MediaRoom.create(backend, () => undefined);
    await room.applyFloor({ mode: 'open', chairPointId: 'trung-uong', floorPointId: null });
    const server = await servePage();
    const userDataDir = mkdtempSync(join(tmpdir(), 'sfu-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: FLAGS, headless: true });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    publisher = await openPoint(context, url, 'hue');
    viewer = await openPoint(context, url, 'can-tho');
    close = async () => {
      await context.close();
      server.close();
      room.close();
      for (const link of links) link.close();
      await backend.close();
      rmSync(userDataDir, { recursive: true, force: true });
    };
  }, 30_000);
  afterAll(() => close?.());

  async function openPoint(ctx: BrowserContext, url: string, pointId: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.exposeFunction('signal', (op: string, ...args: unknown[]) => signal(pointId, op, args));
    await page.goto(url);
    return page;
  }

  async function signal(pointId: string, op: string, args: unknown[]): Promise<unknown> {
    const [a, b, c] = args as [string, unknown, unknown];
    const result =
      op === 'caps' ? { ok: true as const, value: room.getRouterRtpCapabilities() }
      : op === 'createTransport' ? await throughLink(await room.createTransport(pointId, a as 'send' | 'recv'))
      : op === 'connect' ? await room.connectTransport(pointId, a, b as DtlsParameters)
      : op === 'produce' ? await room.produce(pointId, a, noteVp8(b))
      : op === 'consume' ? await room.consume(pointId, a, b as string, c)
      : op === 'resume' ? await room.resumeConsumer(pointId, a)
      : { ok: false as const, error: { code: 'INVALID', message: op } };
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function throughLink<R extends { ok: true; value: TransportInfo } | { ok: false }>(result: R): Promise<R> {
    if (!result.ok) return result;
    const { link, info } = await LossyLink.inFrontOf(result.value);
    link.toPeer = (pt) => loss.toPage?.(pt) ?? false;
    link.toServer = (pt) => loss.fromPage?.(pt) ?? false;
    links.push(link);
    return { ...result, value: info };
  }

  function noteVp8(request: unknown): unknown {
    const { rtpParameters } = request as { rtpParameters?: RtpParameters };
    publishedVp8PayloadType ??= rtpParameters?.codecs.find((c) => c.mimeType.toLowerCase() === 'video/vp8')?.payloadType;
    return request;
  }

  const droppedToPages = () => links.reduce((n, l) => n + l.dropped.toPeer, 0);

  /** Calls `window.sfuTest[name](arg)` in the page (globalThis: the server's tsconfig has no DOM types). */
  function call<T>(page: Page, name: 'publish' | 'consume' | 'stats', arg?: string): Promise<T> {
    return page.evaluate(
      ([n, a]) => (globalThis as unknown as { sfuTest: Record<string, (x?: string) => Promise<unknown>> }).sfuTest[n]!(a),
      [name, arg] as const,
    ) as Promise<T>;
  }
  const pageStats = (page: Page) => call<PageStats>(page, 'stats');

  test('a page publishes camera and microphone and another page decodes both', async () => {
    const ids = await call<{ video: string; audio: string; handler: string }>(publisher, 'publish');
    expect(ids.handler).toBe('Chrome111');
    for (const id of [ids.video, ids.audio]) await call(viewer, 'consume', id);
    let stats: PageStats = {};
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline) {
      stats = await pageStats(viewer);
      if ((inbound(stats.video)?.framesDecoded ?? 0) > 40 && (inbound(stats.audio)?.packetsReceived ?? 0) > 100) break;
      await sleep(250);
    }
    expect(inbound(stats.video)?.framesDecoded).toBeGreaterThan(40);
    expect(stats.video?.videoWidth).toBe(640);
    expect(inbound(stats.audio)?.packetsReceived).toBeGreaterThan(100);
    expect(inbound(stats.audio)?.totalAudioEnergy).toBeGreaterThan(0);
  }, 25_000);

  test('sender reports are forwarded: the viewer has remote-outbound-rtp stats for audio and video (lip sync data)', async () => {
    await sleep(1_500);
    const stats = await pageStats(viewer);
    expect(stats.video?.stats.some((s) => s.type === 'remote-outbound-rtp')).toBe(true);
    expect(stats.audio?.stats.some((s) => s.type === 'remote-outbound-rtp')).toBe(true);
  });

  // Chromium counts a packet repaired over RTX in packetsLost (only media-SSRC arrivals feed its loss
  // statistics) and again in retransmittedPacketsReceived: "nothing lost" is every loss repaired, no frame dropped.
  test('with 4 % of forwarded packets dropped, Chromium’s NACKs are answered as RTX: every loss repaired', async () => {
    const before = inbound((await pageStats(viewer)).video)!;
    // Every 25th forwarded VP8 packet (4 %), counted rather than random so a slow CI run still sees enough loss.
    loss.toPage = everyNth(25, VP8_PAYLOAD_TYPE!);
    await sleep(6_000);
    loss.toPage = null;
    await sleep(1_000);
    const after = inbound((await pageStats(viewer)).video)!;
    const dropped = droppedToPages();
    expect(dropped).toBeGreaterThan(5);
    const nacks = (after.nackCount ?? 0) - (before.nackCount ?? 0);
    expect(nacks).toBeGreaterThan(0);
    const lost = (after.packetsLost ?? 0) - (before.packetsLost ?? 0);
    const repaired = (after.retransmittedPacketsReceived ?? 0) - (before.retransmittedPacketsReceived ?? 0);
    expect(lost).toBeGreaterThan(0);
    expect(repaired).toBeGreaterThanOrEqual(lost);
    expect(after.framesDropped).toBe(before.framesDropped);
    expect(after.freezeCount).toBe(before.freezeCount);
    expect((after.framesDecoded ?? 0) - (before.framesDecoded ?? 0)).toBeGreaterThan(60);
  }, 20_000);

  test('packets lost on the way in are NACKed to Chromium, which resends them over RTX', async () => {
    const outbound = async () => ((await pageStats(publisher)).send ?? []).find((s) => s.type === 'outbound-rtp' && s.kind === 'video') as Record<string, number | undefined>;
    const before = await outbound();
    const decodedBefore = inbound((await pageStats(viewer)).video)!;
    loss.fromPage = everyNth(33, () => publishedVp8PayloadType);
    await sleep(4_000);
    loss.fromPage = null;
    await sleep(1_000);
    const after = await outbound();
    const decodedAfter = inbound((await pageStats(viewer)).video)!;
    expect(links.reduce((n, l) => n + l.dropped.toServer, 0)).toBeGreaterThan(5);
    expect((after.nackCount ?? 0) - (before.nackCount ?? 0)).toBeGreaterThan(0);
    expect((after.retransmittedPacketsSent ?? 0) - (before.retransmittedPacketsSent ?? 0)).toBeGreaterThan(0);
    // Repaired on the way in: the viewer's picture goes on without a freeze.
    expect(decodedAfter.freezeCount).toBe(decodedBefore.freezeCount);
    expect((decodedAfter.framesDecoded ?? 0) - (decodedBefore.framesDecoded ?? 0)).toBeGreaterThan(60);
  }, 15_000);

  // Chromium starts its estimate at 300 kbps and only raises it on transport-cc feedback. On an idle
  // machine it passes 1 Mbps within seconds; the bar here is over twice the start, so a loaded CI run passes.
  test('transport-cc feedback lets the publisher’s bandwidth estimate ramp up well above its 300 kbps start', async () => {
    let estimate = 0;
    const deadline = performance.now() + 8_000;
    while (performance.now() < deadline && estimate <= 1_000_000) {
      const send = (await pageStats(publisher)).send ?? [];
      const pair = send.find((s) => s.type === 'candidate-pair' && s.nominated === true) as Record<string, number> | undefined;
      estimate = pair?.availableOutgoingBitrate ?? 0;
      await sleep(250);
    }
    expect(estimate).toBeGreaterThan(700_000);
  }, 12_000);
});

async function servePage(): Promise<Server> {
  const bundle = await build({ entryPoints: [join(__dirname, 'testing/browserPage.js')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
  const js = bundle.outputFiles[0]!.text;
  const html = '<!doctype html><meta charset="utf-8"><title>sfu</title><script src="/page.js"></script>';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/page.js' ? 'text/javascript' : 'text/html' });
    res.end(req.url === '/page.js' ? js : html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
