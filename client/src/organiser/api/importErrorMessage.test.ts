import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { importErrorMessage } from './importErrorMessage';

describe('import refusals in the organiser workspace', () => {
  it('Q26: TIMEOUT is said in the chosen language; other reasons keep the hub’s message; no answer is the network sentence', () => {
    const timeout = { code: 'INVALID', message: 'Đọc tệp quá lâu: tệp quá phức tạp', status: 422, reason: 'TIMEOUT' };
    expect(importErrorMessage(timeout, en)).toBe(en.importReasons.TIMEOUT);
    expect(importErrorMessage(timeout, vi)).toBe(vi.importReasons.TIMEOUT);
    const tooLarge = { code: 'INVALID', message: 'Tệp .docx giải nén ra quá lớn', status: 413, reason: 'FILE_TOO_LARGE' };
    expect(importErrorMessage(tooLarge, en)).toBe('Tệp .docx giải nén ra quá lớn');
    expect(importErrorMessage({ code: 'NETWORK', message: '', status: 0 }, en)).toBe(en.common.network);
  });
});
