import { createHmac } from 'node:crypto';
import { TURN_CREDENTIAL_TTL_S, iceServersFor } from './iceServers';

const STUN = { urls: 'stun:stun.example.org:3478' };
const NOW = Date.UTC(2025, 0, 15, 8, 0, 0);

describe('iceServersFor', () => {
  test('fixed servers are handed out as configured', () => {
    expect(iceServersFor({ staticServers: [STUN] }, 'session-1', NOW)).toEqual([STUN]);
  });

  test('TURN credentials follow coturn’s REST scheme: expiry:user and a base64 HMAC-SHA1 of it', () => {
    const secret = 'a-long-shared-turn-secret';
    const [stun, turn] = iceServersFor({ staticServers: [STUN], turn: { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], secret } }, 'session-1', NOW);
    expect(stun).toEqual(STUN);
    const expiry = NOW / 1000 + TURN_CREDENTIAL_TTL_S;
    expect(turn).toEqual({
      urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      username: `${expiry}:session-1`,
      credential: createHmac('sha1', secret).update(`${expiry}:session-1`).digest('base64'),
    });
  });
});
