// The attacks of bench:abuse that hold a session: many sockets on one token, a flood of written comments,
// snapshot syncs on a large log, media transports asked for and never connected.
import { gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { type Attack, REQUEST_TIMEOUT_MS, openAndFlood } from './attack';

const ask = (s: Socket, event: 'command' | 'sync' | 'media', body: unknown) => s.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, body) as Promise<unknown>;

/** 10,000 characters of Vietnamese (~25 KB of UTF-8): the longest written comment the protocol takes. */
const LONG_TEXT = 'Góp ý bằng văn bản về Điều 1: đề nghị bổ sung quy định trách nhiệm của người đứng đầu. '.repeat(120).slice(0, 10_000);

/** Attack 2: as many sockets as the hub takes on one point's token, each sending commands back to back. */
export function manySockets(tries: number): Attack {
  return {
    run: async (r) => {
      const { conferenceId, pointId, token } = r.arena.pointForSockets;
      const sockets = await openAndFlood(r, [token], tries, (s, i) => ask(s, 'command', { commandId: randomUUID(), conferenceId, type: 'point.ready', pointId, ready: i % 2 === 0 }));
      r.note(`${sockets.length} of ${tries} sockets accepted`);
    },
  };
}

/** Attack 3: a point's sockets filing 10,000-character written comments back to back. */
export function writtenFlood(): Attack {
  return {
    run: async (r) => {
      const { conferenceId, pointId, token } = r.arena.pointForWriting;
      await openAndFlood(r, [token], 8, (s) => ask(s, 'command', { commandId: randomUUID(), conferenceId, type: 'comment.log', kind: 'supplement', text: LONG_TEXT, articles: [{ article: 1 }], pointId, source: 'written' }));
    },
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Attack 4: display sockets asking for the whole log (sinceSeq 0, a snapshot) back to back. */
export function syncFlood(sessions: number): Attack {
  return {
    run: async (r) => {
      const { events, displayTokens } = r.arena.syncLog;
      let measured = false;
      await openAndFlood(r, displayTokens.slice(0, sessions), 8, (s) => ask(s, 'sync', { sinceSeq: 0 }), (answer) => {
        const a = answer as { ok: boolean; snapshot?: { gzip: Buffer }; events?: unknown[] };
        if (a.ok && a.snapshot && !measured) {
          measured = true;
          const json = gunzipSync(a.snapshot.gzip).byteLength;
          r.note(`a snapshot of the ${events.toLocaleString('en-US')}-comment log is ${mb(json)} MB of JSON, ${mb(a.snapshot.gzip.byteLength)} MB on the wire`);
        }
        if (a.ok) r.tally.add(a.snapshot ? 'snapshot' : 'events');
        else r.tally.ack(a);
      });
    },
  };
}

/** Attack 6: display sockets asking for recv transports and never connecting them. */
export function transportHoard(sessions: number): Attack {
  return {
    run: async (r) => {
      await openAndFlood(r, r.arena.media.displayTokens.slice(0, sessions), 8, (s) => ask(s, 'media', { action: 'createTransport', direction: 'recv' }));
      r.note(`${r.tally.get('ok')} transports created`);
    },
  };
}
