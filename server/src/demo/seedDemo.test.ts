import { findArticle } from '@diem-cau/shared';
import { TestHub } from '../testing/testHub';
import { DEMO_CONFERENCE_ID, seedDemoIfEmpty } from './seedDemo';

describe('the demo conference npm start seeds', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.stop());

  it('PO16: its draft carries alternatives (Điều 9 khoản 1, two phương án) that the chair can put to the points', async () => {
    const codes = (await seedDemoIfEmpty(hub.hub)) ?? [];
    const chair = await hub.join(codes.map((c) => ({ ...c, link: '' })), { role: 'chair' });
    const clause = findArticle(chair.state!.draft, 9)?.article.clauses.find((c) => c.number === 1);
    expect(clause?.text).toBe('Nhiệm kỳ của đảng đoàn, ban cán sự đảng (Ban soạn thảo xin ý kiến hai phương án):');
    expect(clause?.alternatives).toEqual([
      { number: 1, text: 'Nhiệm kỳ của đảng đoàn, ban cán sự đảng theo nhiệm kỳ của tỉnh ủy.' },
      { number: 2, text: 'Nhiệm kỳ của đảng đoàn, ban cán sự đảng theo nhiệm kỳ của cơ quan nhà nước, Ủy ban Mặt trận Tổ quốc Việt Nam, tổ chức chính trị - xã hội nơi lập đảng đoàn, ban cán sự đảng.' },
    ]);
    // What a user trying the product does: start the conference and consult the points on them.
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    expect(await chair.command({ type: 'consultation.open', kind: 'alternatives', article: 9, clause: 1 })).toMatchObject({ ok: true });
    const room = await hub.hub.hub.room(DEMO_CONFERENCE_ID);
    expect(room?.state.consultations.list().map((c) => c.options.map((o) => o.label))).toEqual([['Phương án 1', 'Phương án 2']]);
  });
});
