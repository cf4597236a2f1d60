import { budgetedConference } from '../testing/budgetFixture';
import { ACTORS, FixtureConference } from '../testing/conferenceFixture';
import { buildMinutes } from './buildMinutes';
import { articleTimeRows, budgetTableRows } from './minutesBudgets';

describe('minutes: speaking-time budgets and time per article', () => {
  it('TB10: the minutes give each budgeted item\'s budget, added time, spoken time, time left and overrun per point, and per group summed', () => {
    const minutes = buildMinutes(budgetedConference().log);
    expect(minutes?.budgets).toHaveLength(1);
    expect(budgetTableRows(minutes?.budgets ?? [])).toEqual([
      ['Thảo luận Chương I (chia đều)', 'Tỉnh ủy Thái Nguyên', 'Điểm cầu', '2:00', '', '0:20', '2:30', '0:00', '0:10'],
      ['Thảo luận Chương I (chia đều)', 'Tỉnh ủy Hà Giang', 'Điểm cầu', '2:00', '', '', '1:00', '1:00', ''],
      ['Thảo luận Chương I (chia đều)', 'Tỉnh ủy Bắc Kạn', 'Điểm cầu', '2:00', '', '', '0:00', '2:00', ''],
      ['Thảo luận Chương I (chia đều)', 'Khối tỉnh ủy phía Bắc', 'Nhóm (cộng)', '4:00', '', '0:20', '3:30', '0:50', ''],
    ]);
  });

  it('TB10: the minutes give the time per article of each item with speeches, and name the silent articles', () => {
    const minutes = buildMinutes(budgetedConference().log);
    expect(articleTimeRows(minutes?.articleTimes ?? [])).toEqual([
      ['Thảo luận Chương I', 'Điều 1', 'Phạm vi điều chỉnh', 1, '2:30'],
      ['Thảo luận Chương I', 'Điều 2', 'Giải thích từ ngữ', 0, '0:00'],
      ['Thảo luận Chương I', 'Không nêu điều', '', '', '1:00'],
    ]);
    expect(minutes?.articleTimes[0]?.silent).toBe('Điều 2');
  });

  it('TB10: a conference without budgets has no budget section in its minutes', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    expect(buildMinutes(conf.log)?.budgets).toEqual([]);
  });
});
