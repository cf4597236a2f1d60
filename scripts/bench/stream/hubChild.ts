/**
 * The hub of `npm run bench:stream`, alone in its process: the real createHub with its StreamService over the
 * bench's DATA_DIR, serving the live HLS the bench's FFmpeg writes there. It counts the /stream/ requests it answers
 * (playlists and segments, each segment by name) and tells them over IPC when asked.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { createHub } from '../../../server/src/createHub';
import { systemClock } from '../../../server/src/hub/clock';
import { openSqliteAccessStore } from '../../../server/src/store/sqliteAccessStore';
import { openSqliteEventStore } from '../../../server/src/store/sqliteEventStore';
import { StreamService } from '../../../server/src/stream/streamService';

const dataDir = process.env.BENCH_DATA_DIR!;
const conferenceId = process.env.BENCH_CONFERENCE!;
const db = new Database(':memory:');
const logger = pino({ level: 'warn' });
const stream = new StreamService({ ffmpegPath: 'ffmpeg', streamDir: join(dataDir, 'stream'), rtpPortMin: 65_000, rtpPortMax: 65_003, height: 360, videoKbps: 500, minFreeMb: 16, retentionDays: 0, keySecret: 'bench-stream-key-secret-0123456789' }, logger);
const hub = createHub({
  store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: systemClock, logger,
  adminToken: 'bench-admin-token-0123456789', sessionTtlMs: 3_600_000, stream,
});
const counts = { playlists: 0, segments: 0, perSegment: new Map<string, number>() };
hub.http.prependListener('request', (req) => {
  const url = req.url ?? '';
  if (!url.startsWith('/stream/')) return;
  if (url.endsWith('.m3u8')) counts.playlists++;
  else if (url.endsWith('.ts')) {
    counts.segments++;
    counts.perSegment.set(url, (counts.perSegment.get(url) ?? 0) + 1);
  }
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') {
    const per = [...counts.perSegment.values()];
    process.send?.({ type: 'counts', playlists: counts.playlists, segments: counts.segments, distinct: per.length, maxPerSegment: Math.max(0, ...per) });
    counts.playlists = 0;
    counts.segments = 0;
    counts.perSegment.clear();
  }
});
void hub.listen(0, '127.0.0.1').then((port) => process.send?.({ type: 'ready', port, liveUrl: stream.liveUrl(conferenceId) }));
