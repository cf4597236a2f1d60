import { Counter, Gauge, type Registry } from 'prom-client';
import type { SfuStreamCounts } from '../media/sfuStats';
import type { MediaMetrics } from '../socket/mediaGateway';

type Side = 'in' | 'out';

/**
 * The SFU's part of `/metrics` (OP3): what it holds now, and counters of packets, bytes, NACKs and key-frame
 * requests. The SFU reports each stream's running counts; a counter grows by what each stream added since the
 * last scrape (a stream that closed in between loses what it did since then: at most one scrape interval).
 */
export class SfuMetrics {
  private readonly transports: Gauge;
  private readonly streams: Gauge<'side' | 'kind'>;
  private readonly packets: Counter<'side' | 'kind'>;
  private readonly bytes: Counter<'side' | 'kind'>;
  private readonly nacks: Counter<'side'>;
  private readonly keyFrameRequests: Counter<'side'>;
  private readonly floorLive: Gauge<'conference' | 'point'>;
  private last = new Map<string, SfuStreamCounts>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.transports = new Gauge({ name: 'diemcau_sfu_transports', help: 'WebRTC and pipe transports held by this node\'s SFU', registers });
    this.streams = new Gauge({ name: 'diemcau_sfu_streams', help: 'Producers (side in) and consumers (side out) held by this node\'s SFU, by kind', labelNames: ['side', 'kind'], registers });
    this.packets = new Counter({ name: 'diemcau_sfu_packets_total', help: 'RTP packets received from publishers (in) and sent to receivers (out)', labelNames: ['side', 'kind'], registers });
    this.bytes = new Counter({ name: 'diemcau_sfu_bytes_total', help: 'RTP payload bytes in and out (bitrate: rate × 8)', labelNames: ['side', 'kind'], registers });
    this.nacks = new Counter({ name: 'diemcau_sfu_nacks_total', help: 'NACKs the SFU sent to publishers (in) and received from receivers (out)', labelNames: ['side'], registers });
    this.keyFrameRequests = new Counter({ name: 'diemcau_sfu_key_frame_requests_total', help: 'Key-frame requests sent to publishers (in) and received from receivers (out)', labelNames: ['side'], registers });
    this.floorLive = new Gauge({
      name: 'diemcau_floor_media_live', help: "1 while the floor holder's microphone is producing on this node, 0 while it is not (muted, gone or never published)", labelNames: ['conference', 'point'], registers,
    });
  }

  read({ sfu, floors }: MediaMetrics): void {
    this.transports.set(sfu.transports);
    this.streams.reset();
    const next = new Map<string, SfuStreamCounts>();
    this.count('in', sfu.producers, next);
    this.count('out', sfu.consumers, next);
    this.last = next;
    this.floorLive.reset();
    for (const f of floors) this.floorLive.set({ conference: f.conferenceId, point: f.pointId }, f.live ? 1 : 0);
  }

  private count(side: Side, streams: SfuStreamCounts[], next: Map<string, SfuStreamCounts>): void {
    for (const s of streams) {
      this.streams.inc({ side, kind: s.kind });
      const before = this.last.get(`${side}:${s.id}`);
      const grew = (key: 'packets' | 'bytes' | 'nacks' | 'keyFrameRequests') => Math.max(0, s[key] - (before?.[key] ?? 0));
      this.packets.inc({ side, kind: s.kind }, grew('packets'));
      this.bytes.inc({ side, kind: s.kind }, grew('bytes'));
      this.nacks.inc({ side }, grew('nacks'));
      this.keyFrameRequests.inc({ side }, grew('keyFrameRequests'));
      next.set(`${side}:${s.id}`, s);
    }
  }
}
