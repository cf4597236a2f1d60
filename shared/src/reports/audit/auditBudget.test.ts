import { budgetedConference } from '../../testing/budgetFixture';
import { auditTrail } from './auditTrail';

describe('audit rows of speaking-time budgets (H8)', () => {
  it('H8: groups, a budget and added time read as Vietnamese sentences in the agenda area, time for one point naming it', () => {
    const conf = budgetedConference();
    const rows = auditTrail(conf.log.filter((e) => e.type.startsWith('budget.')), conf.state);
    expect(rows.map((r) => [r.area, r.pointId ?? '', r.text])).toEqual([
      ['agenda', '', 'Lập 1 nhóm điểm cầu: Khối tỉnh ủy phía Bắc'],
      ['agenda', '', 'Phân bổ 6 phút phát biểu cho nội dung “Thảo luận Chương I”: chia đều cho 3 điểm cầu'],
      ['agenda', 'thai-nguyen', 'Cộng 20 giây cho Tỉnh ủy Thái Nguyên, nội dung “Thảo luận Chương I”'],
    ]);
  });
});
