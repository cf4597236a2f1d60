import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import { TestHub } from '../../testing/testHub';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a handshake the client abandons (Q5)', () => {
  let hub: TestHub | undefined;
  afterAll(async () => {
    await hub?.stop();
  });

  it('Q5: a client that hangs up while its token is checked holds no place: the session’s next socket gets in', async () => {
    hub = await TestHub.start({ quotas: { socketsPerSession: 1, socketRefusalHoldMs: 0 } });
    const { joinCodes } = await hub.createConference();
    const { token } = await hub.session(joinCodes.find((c) => c.role === 'secretary')?.code ?? '');
    // The token check waits until the test lets it go (a slow session store).
    const access = hub.hub.access;
    const check = access.check.bind(access);
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    let checking = 0;
    access.check = async (t) => {
      checking += 1;
      await gate;
      return check(t);
    };
    const abandoned = io(hub.url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    for (let i = 0; i < 100 && checking === 0; i += 1) await sleep(20);
    expect(checking).toBe(1);
    abandoned.close();
    await sleep(200);
    release();
    await sleep(200);
    access.check = check;

    const next = io(hub.url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    const outcome = await new Promise<unknown>((resolve) => {
      next.once('connect', () => resolve('connected'));
      next.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data ?? err.message));
    });
    next.close();
    expect(outcome).toBe('connected');
  });
});
