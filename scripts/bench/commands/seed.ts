// The conferences bench:commands writes into: created over HTTP, started by their chair, one secretary
// session per socket (each socket its own session, as separate secretaries would be).
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { connectOne } from '../fanout/rounds';

export const post = async (url: string, path: string, body: unknown, auth?: string) =>
  (await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

const setup = (id: string) => ({
  id, title: `Bench ${id}`, draft: { title: 'Dự thảo', articles: [{ number: 1, title: 'Điều một' }] },
  points: [{ id: 'tw', name: 'Trung ương', kind: 'central' }, { id: 'p1', name: 'Tỉnh một', kind: 'provincial' }],
});

/** Creates and starts `conferences` conferences; returns one secretary session per socket (socket i in conference i mod C). */
export async function seedConferences(url: string, admin: string, conferences: number, sockets: number): Promise<Array<{ conferenceId: string; token: string }>> {
  const codes: Array<{ secretary: string; conferenceId: string }> = [];
  for (let c = 0; c < conferences; c += 1) {
    const conferenceId = `bench-${c}`;
    const created = (await post(url, '/api/conferences', setup(conferenceId), admin)) as { joinCodes?: Array<{ role: string; code: string }> };
    const code = (role: string) => created.joinCodes?.find((j) => j.role === role)?.code ?? '';
    const chair = await connectOne(url, { token: (await post(url, '/api/sessions', { code: code('chair') })).token, protocol: PROTOCOL_VERSION });
    const started = (await chair.timeout(10_000).emitWithAck('command', { commandId: randomUUID(), conferenceId, type: 'conference.start' })) as { ok: boolean };
    if (!started.ok) throw new Error(`${conferenceId} did not start: ${JSON.stringify(started)}`);
    chair.close();
    codes.push({ secretary: code('secretary'), conferenceId });
  }
  const out: Array<{ conferenceId: string; token: string }> = [];
  for (let i = 0; i < sockets; i += 1) {
    const { secretary, conferenceId } = codes[i % conferences] as { secretary: string; conferenceId: string };
    out.push({ conferenceId, token: (await post(url, '/api/sessions', { code: secretary })).token as string });
  }
  return out;
}
