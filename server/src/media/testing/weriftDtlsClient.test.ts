import { dirname, join } from 'node:path';
import './weriftDtlsClient';

describe("the test peers' DTLS client (werift) and a repeated HelloVerifyRequest", () => {
  it('ignores a second HelloVerifyRequest instead of rejecting from a socket callback', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Flight3 } = require(join(dirname(require.resolve('werift')), '../../dtls/src/flight/client/flight3.js')) as {
      Flight3: { prototype: { exec(verifyRequest: unknown): Promise<void> } };
    };
    const inFlight3 = Object.assign(Object.create(Flight3.prototype) as { exec(v: unknown): Promise<void> }, { dtls: { flight: 3 } });
    await expect(inFlight3.exec({ cookie: Buffer.alloc(0) })).resolves.toBeUndefined();
  });
});
