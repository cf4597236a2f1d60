// The conferences bench:abuse plays in, created over HTTP before any attack: the probe conference (its chair
// sends the measured commands) and one conference per attack that needs one, with the sessions the attackers
// use. Every join code is exchanged here, before the code-guessing attack leaves this address waiting.
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import type { Socket } from 'socket.io-client';
import { post } from '../commands/seed';
import { connectOne } from '../fanout/rounds';

export interface Arena {
  url: string;
  admin: string;
  probe: { conferenceId: string; chairToken: string };
  /** A point's session (attack: many sockets on one token). */
  pointForSockets: { conferenceId: string; pointId: string; token: string };
  /** A point's session (attack: written comments). */
  pointForWriting: { conferenceId: string; pointId: string; token: string };
  /** The conference with a large log and its display sessions (attack: snapshot syncs). */
  syncLog: { conferenceId: string; events: number; displayTokens: string[] };
  /** Display sessions of one conference (attack: media transports). */
  media: { conferenceId: string; displayTokens: string[] };
  /** A live join code, to see whether a right code still gets through while this address is waiting. */
  validCode: string;
}

interface JoinCode { role: string; code: string; pointId?: string }

const setupOf = (id: string) => ({
  id, title: `Bench abuse ${id}`, draft: { title: 'Dự thảo', articles: [1, 2, 3].map((n) => ({ number: n, title: `Điều ${n}` })) },
  points: [
    { id: 'tw', name: 'Trung ương', kind: 'central' },
    { id: 'p1', name: 'Tỉnh một', kind: 'provincial' },
    { id: 'p2', name: 'Tỉnh hai', kind: 'provincial' },
  ],
});

const COMMENT = 'Đề nghị làm rõ trách nhiệm phối hợp giữa đảng đoàn, ban cán sự đảng và cấp ủy cùng cấp trong việc lấy ý kiến góp ý dự thảo văn kiện, bảo đảm thống nhất, đồng bộ.';

async function exchange(url: string, code: string): Promise<string> {
  const answer = await post(url, '/api/sessions', { code });
  if (typeof answer.token !== 'string') throw new Error(`exchange of ${code} failed: ${JSON.stringify(answer)}`);
  return answer.token;
}

const send = (socket: Socket, command: object) => socket.timeout(30_000).emitWithAck('command', { commandId: randomUUID(), ...command }) as Promise<{ ok: boolean; error?: { details?: { retryAfterMs?: number } } }>;

/** Creates and starts a conference; returns its join codes. */
async function conference(url: string, admin: string, id: string): Promise<JoinCode[]> {
  const created = (await post(url, '/api/conferences', setupOf(id), admin)) as { joinCodes?: JoinCode[] };
  const codes = created.joinCodes ?? [];
  const chairCode = codes.find((c) => c.role === 'chair')?.code ?? '';
  const chair = await connectOne(url, { token: await exchange(url, chairCode), protocol: PROTOCOL_VERSION });
  const started = await send(chair, { conferenceId: id, type: 'conference.start' });
  chair.close();
  if (!started.ok) throw new Error(`${id} did not start: ${JSON.stringify(started)}`);
  return codes;
}

const codeOf = (codes: JoinCode[], role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';

/**
 * `target` comments through secretaries, as fast as the quotas let them: several secretary codes (reissued
 * by the organiser, as for several secretaries' rooms), a few sessions on each, each waiting out its refusals.
 */
async function seedComments(url: string, admin: string, conferenceId: string, target: number): Promise<void> {
  const tokens: string[] = [];
  for (let c = 0; c < 10; c += 1) {
    const issued = (await post(url, `/api/conferences/${conferenceId}/join-codes`, { role: 'secretary' }, admin)) as { joinCode?: { code: string } };
    for (let s = 0; s < 3; s += 1) tokens.push(await exchange(url, issued.joinCode?.code ?? ''));
  }
  const sockets = await Promise.all(tokens.map((token) => connectOne(url, { token, protocol: PROTOCOL_VERSION })));
  let logged = 0;
  await Promise.all(sockets.map(async (socket, i) => {
    while (logged < target) {
      const ack = await send(socket, { conferenceId, type: 'comment.log', kind: 'amend', text: `${COMMENT} (${i})`, articles: [{ article: 1 + (i % 3) }], pointId: 'p2', source: 'spoken' });
      if (ack.ok) logged += 1;
      else await new Promise((r) => setTimeout(r, ack.error?.details?.retryAfterMs ?? 200));
    }
  }));
  for (const s of sockets) s.close();
}

export async function prepareArena(url: string, admin: string, opts: { syncComments: number; displaySessions: number }): Promise<Arena> {
  const probeCodes = await conference(url, admin, 'probe');
  const socketsCodes = await conference(url, admin, 'abuse-sockets');
  const writtenCodes = await conference(url, admin, 'abuse-written');
  const syncCodes = await conference(url, admin, 'abuse-sync');
  const mediaCodes = await conference(url, admin, 'abuse-media');
  await seedComments(url, admin, 'abuse-sync', opts.syncComments);
  const displays = async (codes: JoinCode[]) => {
    const out: string[] = [];
    for (let i = 0; i < opts.displaySessions; i += 1) out.push(await exchange(url, codeOf(codes, 'display')));
    return out;
  };
  return {
    url, admin,
    probe: { conferenceId: 'probe', chairToken: await exchange(url, codeOf(probeCodes, 'chair')) },
    pointForSockets: { conferenceId: 'abuse-sockets', pointId: 'p1', token: await exchange(url, codeOf(socketsCodes, 'point', 'p1')) },
    pointForWriting: { conferenceId: 'abuse-written', pointId: 'p1', token: await exchange(url, codeOf(writtenCodes, 'point', 'p1')) },
    syncLog: { conferenceId: 'abuse-sync', events: opts.syncComments, displayTokens: await displays(syncCodes) },
    media: { conferenceId: 'abuse-media', displayTokens: await displays(mediaCodes) },
    validCode: codeOf(probeCodes, 'secretary'),
  };
}
