import { Gauge, type Registry } from 'prom-client';

/** What the livestream and recorder tell the metrics at a scrape (issue 13's StreamService). */
export interface StreamFigures {
  enabled: boolean;
  streams: Array<{ conferenceId: string; state: string; runs: number }>;
}

/** The livestream's and recorder's part of `/metrics` (OP3): whether FFmpeg is there, each stream's state, its restarts. */
export class StreamMetrics {
  private readonly enabled: Gauge;
  private readonly state: Gauge<'conference' | 'state'>;
  private readonly restarts: Gauge<'conference'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.enabled = new Gauge({ name: 'diemcau_stream_enabled', help: '1 when FFmpeg was found and the livestream and recordings are on, 0 when they are off', registers });
    this.state = new Gauge({
      name: 'diemcau_stream_state', help: "1 for each conference stream's current state (starting, running, restarting, diskFull, stopped)", labelNames: ['conference', 'state'], registers,
    });
    this.restarts = new Gauge({ name: 'diemcau_stream_restarts', help: 'FFmpeg restarts of a conference stream since it started (each one a gap in its recording)', labelNames: ['conference'], registers });
  }

  read(figures: StreamFigures): void {
    this.enabled.set(figures.enabled ? 1 : 0);
    this.state.reset();
    this.restarts.reset();
    for (const s of figures.streams) {
      this.state.set({ conference: s.conferenceId, state: s.state }, 1);
      this.restarts.set({ conference: s.conferenceId }, Math.max(0, s.runs - 1));
    }
  }
}
