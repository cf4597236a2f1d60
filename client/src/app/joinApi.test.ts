import { exchangeJoinCode } from './joinApi';

const answering = (status: number, body: unknown = {}) =>
  (async () => ({ ok: status < 400, status, json: async () => body })) as unknown as typeof fetch;

describe('the join-code exchange from the join page', () => {
  it('Q34: a 429 (too many wrong codes from this address) is told apart from a wrong code and from the network', async () => {
    expect(await exchangeJoinCode('ABCD-EFGH', answering(429))).toEqual({ ok: false, reason: 'tooManyAttempts' });
    expect(await exchangeJoinCode('ABCD-EFGH', answering(404))).toEqual({ ok: false, reason: 'badCode' });
    expect(await exchangeJoinCode('ABCD-EFGH', answering(503))).toEqual({ ok: false, reason: 'network' });
  });

  it('a right code gives the session', async () => {
    const session = { token: 't'.repeat(43), role: 'chair', conferenceId: 'hn-1', label: 'Chủ trì', expiresAt: 1 };
    expect(await exchangeJoinCode(' ABCD-EFGH ', answering(201, session))).toEqual({ ok: true, session });
  });
});
