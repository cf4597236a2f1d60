import { liveWithAlternatives } from '../../consultation/consultationFixture';
import { ACTORS, T0 } from '../../testing/conferenceFixture';
import { auditTrail } from './auditTrail';

describe('consultations in the audit trail', () => {
  it('PO13: an answer the chair recorded says so, under the chair’s name and the point it concerns; a point’s own answer does not', () => {
    const conf = liveWithAlternatives();
    const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2 }, T0 + 60_000);
    if (opened?.type !== 'consultation.opened') throw new Error('not opened');
    const id = opened.payload.consultationId;
    conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1', reason: 'Báo qua điện thoại' }, T0 + 120_000);
    conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'pa2' }, T0 + 180_000);
    const rows = auditTrail(conf.log.filter((e) => e.type === 'consultation.answered'), conf.state);
    expect(rows.map((r) => [r.who.roleLabel, r.area, r.point ?? '', r.text])).toEqual([
      ['Chủ trì', 'points', 'Tỉnh ủy Bắc Kạn', 'Chủ trì ghi nhận thay Tỉnh ủy Bắc Kạn: chọn “Phương án 1” về Điều 2: “Báo qua điện thoại”'],
      ['Điểm cầu', 'points', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Hà Giang chọn “Phương án 2” về Điều 2'],
    ]);
    expect(rows[0]?.params).toMatchObject({ byChair: 1 });
    expect(rows[1]?.params).not.toHaveProperty('byChair');
  });
});
