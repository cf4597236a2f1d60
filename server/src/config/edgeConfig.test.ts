import { EDGE_DEFAULTS } from '../http/edge/edgeSettings';
import { loadConfig } from './config';
import { edgeSettingsFrom } from './edgeConfig';

describe('the HTTP edge settings (Q30–Q49)', () => {
  it('Q30: with nothing set, the settings are the documented defaults (EDGE_DEFAULTS)', () => {
    expect(edgeSettingsFrom(loadConfig({}))).toEqual(EDGE_DEFAULTS);
  });

  it('Q38: TRUST_PROXY takes false, a hop count, or addresses and ranges; never "true"', () => {
    const trust = (TRUST_PROXY: string) => loadConfig({ TRUST_PROXY }).TRUST_PROXY;
    expect([trust('false'), trust('1'), trust('loopback, 10.0.0.0/8'), trust('uniquelocal')]).toEqual([false, 1, 'loopback,10.0.0.0/8', 'uniquelocal']);
    expect(() => trust('true')).toThrow(/TRUST_PROXY/);
    expect(() => trust('loopback,nginx')).toThrow(/not nginx/);
  });

  it('Q46: ALLOWED_ORIGINS is a list of origins; a path or another scheme is refused', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://hoinghi.example.vn, http://10.0.0.5:3000' }).ALLOWED_ORIGINS).toEqual(['https://hoinghi.example.vn', 'http://10.0.0.5:3000']);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://x.example/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://x.example' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('Q32: limits out of range stop the start with the variable named', () => {
    expect(() => loadConfig({ HTTP_JSON_MAX_DEPTH: '1000' })).toThrow(/HTTP_JSON_MAX_DEPTH/);
    expect(() => loadConfig({ HTTP_PUBLIC_BODY_BYTES: '10' })).toThrow(/HTTP_PUBLIC_BODY_BYTES/);
    expect(edgeSettingsFrom(loadConfig({ REPORT_LINK_TTL_MS: '30000', SESSION_EXPIRED_KEEP_H: '0' }))).toMatchObject({ reportLinkTtlMs: 30_000, sessionKeepExpiredMs: 0 });
  });
});
