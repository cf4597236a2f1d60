import { isLocalOnlyUrl } from './localUrl';

describe('join links only this computer can open', () => {
  it('flags localhost, loopback and unspecified hosts; a real address passes', () => {
    for (const link of ['http://localhost:3000/join/ABC', 'http://127.0.0.1:3000/join/ABC', 'http://[::1]:3000/join/ABC', 'http://0.0.0.0/join/A', 'http://app.localhost/join/A']) expect(isLocalOnlyUrl(link)).toBe(true);
    for (const link of ['https://hoinghi.dangcongsan.vn/join/ABC', 'http://10.0.0.5:3000/join/ABC', 'not a url']) expect(isLocalOnlyUrl(link)).toBe(false);
  });
});
