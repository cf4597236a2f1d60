import type { StunGuardStats } from './stunIntegrity';
import type { WeriftTransport } from './transport';
import { buildReceiverReport, buildRemb, type ReportBlock } from './rtcpBuild';
import { TwccRecorder } from './twccRecorder';

/** NACK retries need a fine grain; everything else here is a multiple of it. */
export const TICK_MS = 20;
/** libwebrtc's own receivers send transport-cc feedback about every 100 ms. */
export const TWCC_EVERY_TICKS = 5;
export const REPORT_EVERY_TICKS = 50;
/**
 * Browsers send a consent check at least every few seconds; 30 s of silence means the peer is gone. Silence is
 * neither a consent check nor an authenticated RTP or RTCP packet: an SFU too busy to read its sockets drops
 * datagrams, consent checks among them, and must not close a publisher whose media still arrives (bench:media at
 * 200 receivers closed the publishers' transports that way).
 */
export const ICE_SILENCE_TIMEOUT_MS = 30_000;
/** A transport that only sends (consumers) has nothing fine-grained to do: check on it once a second. */
export const IDLE_TICK_MS = 500;

/**
 * The periodic work of a transport: NACK retries, congestion feedback, receiver reports + REMB to
 * producers, and noticing a browser that stopped sending consent checks (an ICE-lite agent has no other
 * way to learn that its peer went away).
 */
export class TransportTimers {
  readonly twcc = new TwccRecorder();
  private interval: NodeJS.Timeout | null = null;
  private fast = false;
  private ticks = 0;
  private connected = false;
  /** performance.now() of the last authenticated packet from the peer (SRTP or SRTCP). */
  private lastHeardAtMs = 0;

  constructor(
    private readonly transport: WeriftTransport,
    private readonly guard: StunGuardStats,
    private readonly maxIncomingBitrateBps: number,
    private readonly silenceTimeoutMs = ICE_SILENCE_TIMEOUT_MS,
  ) {}

  onConnected(): void {
    this.connected = true;
    this.guard.lastAcceptedAtMs = performance.now();
    this.start();
  }

  /** An authenticated packet came from the peer: it is alive, whatever became of its consent checks. */
  heard(): void {
    this.lastHeardAtMs = performance.now();
  }

  onProducer(): void {
    this.start();
  }

  private start(): void {
    if (!this.connected) return;
    const fast = this.transport.producers.size > 0;
    if (this.interval && this.fast === fast) return;
    this.stop();
    this.fast = fast;
    this.interval = fast ? setInterval(() => this.tick(), TICK_MS) : setInterval(() => this.idleTick(), IDLE_TICK_MS);
    this.interval.unref();
  }

  private tick(): void {
    const now = performance.now();
    this.ticks++;
    for (const producer of this.transport.producers) producer.tick(now);
    if (this.ticks % TWCC_EVERY_TICKS === 0) this.sendTwcc();
    if (this.ticks % REPORT_EVERY_TICKS === 0) {
      this.sendReports(now);
      this.checkSilence(now);
    }
  }

  private idleTick(): void {
    this.checkSilence(performance.now());
  }

  private checkSilence(now: number): void {
    if (now - Math.max(this.guard.lastAcceptedAtMs, this.lastHeardAtMs) > this.silenceTimeoutMs) this.transport.close('ice');
  }

  private sendTwcc(): void {
    const first = this.transport.producers.values().next().value;
    if (!first) return;
    for (const packet of this.twcc.takeFeedback(this.transport.rtcpSsrc, first.mapping.ssrc)) this.transport.sendRtcp(packet);
  }

  private sendReports(now: number): void {
    const blocks: ReportBlock[] = [];
    const ssrcs: number[] = [];
    for (const producer of this.transport.producers) {
      const block = producer.report(now);
      if (block) blocks.push(block);
      ssrcs.push(producer.mapping.ssrc);
    }
    if (ssrcs.length === 0) return;
    // RTCP packets carry at most 31 report blocks; one RR per 31 producers.
    for (let i = 0; i < blocks.length; i += 31) this.transport.sendRtcp(buildReceiverReport(this.transport.rtcpSsrc, blocks.slice(i, i + 31)));
    this.transport.sendRtcp(buildRemb(this.transport.rtcpSsrc, this.maxIncomingBitrateBps, ssrcs));
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }
}
