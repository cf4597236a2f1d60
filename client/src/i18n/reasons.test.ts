import { ACTORS, FixtureConference } from '@diem-cau/shared/testing';
import { REASON_KEYS, REASONS } from '@diem-cau/shared';
import { errorText } from '../ui/useCommand';
import { en } from './en';
import { vi } from './vi';

const SAMPLE = { role: 'point', command: 'floor.grant', point: 'Tỉnh ủy Hà Giang', delegates: 'd-1', delegate: 'd-1', articles: '9', limit: 2, lost: 'Điều 5' };

describe('refusals in the user’s language (B8)', () => {
  it('every reason of the catalogue has a Vietnamese and an English text, with no internal names', () => {
    for (const reason of REASON_KEYS) {
      const inVi = vi.reasons[reason](SAMPLE);
      const inEn = en.reasons[reason](SAMPLE);
      expect([reason, inVi.length > 0, inEn.length > 0, inEn !== inVi]).toEqual([reason, true, true, true]);
      // No command type ("floor.grant"), role id alone ("Vai trò point") or field name ("requestId").
      for (const text of [inVi, inEn]) expect([reason, /\b(floor|comment|conference|queue|agenda|discussion)\.[a-z]|\bVai trò (point|chair|secretary|display|organiser)\b|requestId|pointId/.test(text)]).toEqual([reason, false]);
    }
  });

  it('a refusal from the domain carries its reason; the console says it in its language, the hub’s message stays Vietnamese', () => {
    const conf = new FixtureConference();
    const refused = conf.run(ACTORS.thaiNguyen, { type: 'floor.grant', self: true });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', params: { role: 'point', command: 'floor.grant' } });
    expect(refused.error.message).toBe(REASONS.ROLE_NOT_ALLOWED.vi({ role: 'point', command: 'floor.grant' }));
    expect(refused.error.message).toBe('Vai trò điểm cầu không được trao lời');
    expect(errorText(en, refused.error)).toBe('A bridge point may not give the floor.');
    expect(errorText(vi, refused.error)).toBe('Vai trò điểm cầu không được trao lời');
    // A reason this console does not know yet (a newer hub): the hub's own message.
    expect(errorText(en, { code: 'CONFLICT', message: 'Thông điệp của máy chủ', reason: 'SOMETHING_NEW' as never })).toBe('Thông điệp của máy chủ');
  });
});
