import type { JoinCodeInfo } from '../api/organiserApi';
import { streamOffer } from './streamOffer';

const code = (role: JoinCodeInfo['role'], pointId?: string): JoinCodeInfo => ({ code: `${role}-${pointId ?? 'x'}`, role, label: role, link: `/j/${role}`, ...(pointId ? { pointId } : {}) });
const codes = [code('chair'), code('viewer'), code('point', 'tinh-uy-bac-kan'), code('organiser')];

describe('streamOffer (LS5)', () => {
  it('LS5: a hub without FFmpeg: no viewers’ code and no recordings tab', () => {
    const off = streamOffer(false, codes);
    expect(off.codes.map((c) => c.role)).toEqual(['chair', 'point', 'organiser']);
    expect(off.tabs).not.toContain('recordings');
    expect(off.tabs).toContain('codes');
  });

  it('LS5: streaming, or not yet known: everything is offered', () => {
    for (const on of [true, undefined]) {
      const offer = streamOffer(on, codes);
      expect(offer.codes).toEqual(codes);
      expect(offer.tabs).toContain('recordings');
    }
  });
});
