import { protocolRefusal } from './protocolRefusal';

describe('protocolRefusal (U2)', () => {
  it('reads the typed reasons of this release', () => {
    expect(protocolRefusal({ code: 'INVALID', reason: 'CONSOLE_OUTDATED', message: '' })).toBe('CONSOLE_OUTDATED');
    expect(protocolRefusal({ code: 'UNAVAILABLE', reason: 'HUB_OUTDATED', message: '' })).toBe('HUB_OUTDATED');
  });

  it('reads the text of a hub of an earlier release, which gave no reason: older or newer than this console', () => {
    const legacy = (needed: number) => ({ code: 'INVALID', message: `Giao thức 4 không được hỗ trợ (cần ${needed})` });
    expect(protocolRefusal(legacy(3), 4)).toBe('HUB_OUTDATED');
    expect(protocolRefusal(legacy(5), 4)).toBe('CONSOLE_OUTDATED');
  });

  it('leaves every other refusal alone', () => {
    expect(protocolRefusal({ code: 'UNAUTHORIZED', message: 'Phiên đã hết hạn' })).toBeUndefined();
    expect(protocolRefusal({ code: 'INVALID', message: 'Lệnh không hợp lệ' })).toBeUndefined();
    expect(protocolRefusal({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SOCKETS', message: '' })).toBeUndefined();
  });
});
