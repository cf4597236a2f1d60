import { OLDEST_PROTOCOL_VERSION, PROTOCOL_VERSION } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import { TestHub } from '../testing/testHub';

/** Connects with `protocol` and answers the refusal's data, or 'connected'. */
async function handshake(hub: TestHub, token: string, protocol: unknown): Promise<unknown> {
  const socket = io(hub.url, { auth: { token, protocol }, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    return await new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data));
    });
  } finally {
    socket.close();
  }
}

describe('U2: console protocols a hub serves', () => {
  let hub: TestHub;
  afterEach(async () => {
    await hub.stop();
  });

  const tokenOf = async () => {
    const { joinCodes } = await hub.createConference();
    return (await hub.session(joinCodes.find((c) => c.role === 'display')?.code ?? '')).token;
  };

  it('serves every protocol from OLDEST_PROTOCOL_VERSION to PROTOCOL_VERSION', async () => {
    hub = await TestHub.start();
    const token = await tokenOf();
    for (let p = OLDEST_PROTOCOL_VERSION; p <= PROTOCOL_VERSION; p += 1) expect(await handshake(hub, token, p)).toBe('connected');
  });

  it('tells a console older than it serves to reload (INVALID CONSOLE_OUTDATED), and one newer to come back (UNAVAILABLE HUB_OUTDATED)', async () => {
    hub = await TestHub.start({ protocols: { oldest: 5, current: 6 } });
    const token = await tokenOf();
    expect(await handshake(hub, token, 4)).toMatchObject({ code: 'INVALID', reason: 'CONSOLE_OUTDATED', params: { console: '4', oldest: 5, current: 6 } });
    expect(await handshake(hub, token, 'x')).toMatchObject({ code: 'INVALID', reason: 'CONSOLE_OUTDATED' });
    expect(await handshake(hub, token, 7)).toMatchObject({ code: 'UNAVAILABLE', reason: 'HUB_OUTDATED', params: { console: '7', oldest: 5, current: 6 } });
    expect(await handshake(hub, token, 5)).toBe('connected');
    expect(await handshake(hub, token, 6)).toBe('connected');
  });
});
