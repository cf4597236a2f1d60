/**
 * The bench's simulated hls.js viewers (`npm run bench:stream`): plain HTTP clients that poll the live playlist every
 * target duration and fetch each new segment once, counting what arrived, how late, and what failed.
 */
import { Agent, get } from 'node:http';

export const SEGMENT_MS = 2_000;

const agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function httpGet(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  });
}

export function closeAgent(): void {
  agent.destroy();
}

export interface ViewerTally { segments: number; stalls: number; bytes: number; errors: number }

export const emptyTally = (): ViewerTally => ({ segments: 0, stalls: 0, bytes: 0, errors: 0 });

/** One simulated hls.js viewer until `until` (performance.now()): playlist every 2 s, each new segment fetched once. */
export async function viewer(base: string, playlistPath: string, until: number, tally: ViewerTally): Promise<void> {
  await sleep(Math.random() * SEGMENT_MS);
  const seen = new Set<string>();
  let first = true;
  while (performance.now() < until) {
    const pollAt = performance.now();
    try {
      const playlist = await httpGet(base + playlistPath);
      const names = playlist.body.toString().split('\n').filter((l) => l.endsWith('.ts'));
      // Like hls.js, a new viewer starts two segments back from the live edge.
      const fresh = names.filter((n) => !seen.has(n));
      const wanted = first ? fresh.slice(-2) : fresh;
      for (const n of fresh) seen.add(n);
      first = false;
      for (const name of wanted) {
        const learnedAt = performance.now();
        const res = await httpGet(base + playlistPath.replace(/index\.m3u8$/, name));
        if (res.status !== 200) {
          tally.errors++;
          continue;
        }
        if (performance.now() >= until) return;
        tally.segments++;
        tally.bytes += res.body.length;
        if (performance.now() - learnedAt > SEGMENT_MS) tally.stalls++;
      }
    } catch {
      tally.errors++;
    }
    await sleep(Math.max(0, pollAt + SEGMENT_MS - performance.now()));
  }
}
