import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One recorded HLS segment: its run (an FFmpeg process's lifetime), file, wall-clock start and length. */
export interface RecordedSegment {
  run: string;
  file: string;
  startMs: number;
  durationMs: number;
  /** When the run's FFmpeg ended (the hub wrote it down); unknown while it runs. */
  runEndedMs?: number;
}

export const RUN_ID = /^\d{10,16}$/;
export const SEGMENT_FILE = /^\d{5,8}\.ts$/;

/** The file the hub writes in rec/<run>/ when that run's FFmpeg ends: the wall-clock time, ms. */
export const RUN_ENDED_FILE = 'ended';

/**
 * Reads rec/<run>/index.m3u8 (an EVENT playlist with EXT-X-PROGRAM-DATE-TIME per segment). FFmpeg dates a run's
 * segments from the time it wrote its header plus the media's own durations, so on a loaded machine they can run
 * past the moment the run ended: a speech's recorded ranges stop where the run ended (LS5), the files are served whole.
 */
export function readRun(recDir: string, run: string): RecordedSegment[] {
  const playlist = join(recDir, run, 'index.m3u8');
  if (!existsSync(playlist)) return [];
  const endedAt = readEnded(join(recDir, run, RUN_ENDED_FILE));
  const out: RecordedSegment[] = [];
  let duration = 0;
  let start: number | null = null;
  for (const raw of readFileSync(playlist, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) duration = Math.round(Number.parseFloat(line.slice(8)) * 1000);
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) start = Date.parse(line.slice(25).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    else if (line && !line.startsWith('#') && SEGMENT_FILE.test(line) && start !== null && Number.isFinite(start)) {
      out.push({ run, file: line, startMs: start, durationMs: duration, ...(Number.isFinite(endedAt) ? { runEndedMs: endedAt } : {}) });
      start = null;
    }
  }
  return out;
}

function readEnded(file: string): number {
  try {
    const at = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(at) && at > 0 ? at : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY; // still running, or ended with its hub
  }
}

/** Every recorded segment of a conference, in time order. */
export function readRecording(recDir: string): RecordedSegment[] {
  if (!existsSync(recDir)) return [];
  const runs = readdirSync(recDir).filter((r) => RUN_ID.test(r)).sort();
  return runs.flatMap((run) => readRun(recDir, run)).sort((a, b) => a.startMs - b.startMs);
}

/** What of [fromMs, toMs) was recorded, as ranges; a gap (FFmpeg restarting, disk full) is what lies between them. */
export interface RecordingCut {
  segments: RecordedSegment[];
  /** Recorded stretches within the range, merged where segments follow each other (≤ 0.5 s apart). */
  ranges: Array<{ fromMs: number; toMs: number }>;
  /** Where in the first segment the range begins, ms. */
  offsetMs: number;
}

export function cutRecording(all: readonly RecordedSegment[], fromMs: number, toMs: number): RecordingCut {
  const segments = all.filter((s) => s.startMs + s.durationMs > fromMs && s.startMs < toMs);
  const ranges: RecordingCut['ranges'] = [];
  for (const s of segments) {
    const from = Math.max(fromMs, s.startMs);
    const to = Math.min(toMs, s.startMs + s.durationMs, s.runEndedMs ?? Number.POSITIVE_INFINITY);
    if (to <= from) continue;
    const last = ranges[ranges.length - 1];
    if (last && from - last.toMs <= 500) last.toMs = Math.max(last.toMs, to);
    else ranges.push({ fromMs: from, toMs: to });
  }
  return { segments, ranges, offsetMs: segments[0] ? Math.max(0, fromMs - segments[0].startMs) : 0 };
}

/** A VOD playlist of the segments, starting playback at the range's start; a gap between runs is a discontinuity. */
export function vodPlaylist(cut: RecordingCut, uriOf: (segment: RecordedSegment) => string): string {
  const target = Math.max(2, ...cut.segments.map((s) => Math.ceil(s.durationMs / 1000)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (cut.offsetMs > 0) lines.push(`#EXT-X-START:TIME-OFFSET=${(cut.offsetMs / 1000).toFixed(3)},PRECISE=YES`);
  let previous: RecordedSegment | null = null;
  for (const s of cut.segments) {
    if (previous && (previous.run !== s.run || s.startMs - (previous.startMs + previous.durationMs) > 500)) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.startMs).toISOString()}`, `#EXTINF:${(s.durationMs / 1000).toFixed(3)},`, uriOf(s));
    previous = s;
  }
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}
