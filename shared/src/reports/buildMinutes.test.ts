import { ACTORS, FixtureConference, createdEvent } from '../testing/conferenceFixture';
import { buildMinutes } from './buildMinutes';
import type { MinutesReport } from './minutesTypes';
import { SCRIPT, scriptedConference } from './testing/scriptedConference';

function minutes(): MinutesReport {
  const report = buildMinutes(scriptedConference().log);
  if (!report) throw new Error('no minutes');
  return report;
}

describe('buildMinutes', () => {
  const report = minutes();

  it('M1: runs chronologically: opened, agenda item, speeches, comments outside speeches, closed', () => {
    expect(report.entries.map((e) => e.kind)).toEqual(['opened', 'agenda', 'speech', 'speech', 'comment', 'comment', 'closed']);
    expect(report.entries.map((e) => e.time)).toEqual(['15:00:00', '15:00:10', '15:01:00', '15:05:10', '15:06:50', '15:07:00', '15:08:20']);
    expect(report.entries[1]).toMatchObject({ kind: 'agenda', title: 'Thảo luận Chương I', agendaKindLabel: 'Thảo luận' });
  });

  it('M2: a speech records speaker, point, articles, start, end, duration without pauses, overrun and extensions', () => {
    expect(report.speeches[0]).toMatchObject({
      no: 1, speaker: 'Dương Xuân Hùng', pointName: 'Tỉnh ủy Thái Nguyên', articlesLabel: 'Điều 1', agendaTitle: 'Thảo luận Chương I',
      start: '15:01:00', end: '15:05:00', durationMs: 210_000, duration: '3:30', allowedMs: 180_000, overrunMs: 30_000, overrun: '0:30',
      extensions: 1, extendedS: 60, pausedMs: 30_000, endReason: 'released', endLabel: 'Đại biểu kết thúc',
    });
    expect(report.speeches[1]).toMatchObject({ durationMs: 90_000, overrunMs: 30_000, endReason: 'revoked', revokeReason: 'Quá thời gian', extensions: 0 });
  });

  it('M3: each speech carries the comments logged in it, final text, retracted ones left out', () => {
    expect(report.speeches[0]?.comments.map((c) => c.text)).toEqual(['Đề nghị sửa khoản 2', 'Tán thành Điều 1 và Điều 2']);
    expect(report.speeches[1]?.comments.map((c) => c.id)).toEqual([SCRIPT.clarify]);
    expect(report.overall).toMatchObject({ speeches: 2, speakingMs: 300_000, speaking: '5:00', comments: 5, durationMs: 500_000, duration: '8:20' });
  });

  it('M4: totals per point cover every registered point', () => {
    expect(report.totals.map((t) => [t.name, t.speeches, t.speaking, t.overrun, t.comments])).toEqual([
      ['Điểm cầu Trung ương', 0, '0:00', '', 0],
      ['Tỉnh ủy Bắc Kạn', 0, '0:00', '', 1],
      ['Tỉnh ủy Hà Giang', 1, '1:30', '0:30', 1],
      ['Tỉnh ủy Thái Nguyên', 1, '3:30', '0:30', 2],
    ]);
  });

  it('M5: a speech still running is timed up to `now` and has no end', () => {
    const conf = scriptedConference();
    const live = conf.log.filter((e) => e.seq < (conf.log.find((x) => x.type === 'floor.released')?.seq ?? 0));
    const report = buildMinutes(live, { now: SCRIPT.at(260) });
    expect(report?.speeches[0]).toMatchObject({ end: '', endLabel: 'Đang phát biểu', durationMs: 170_000, overrunMs: 0 });
  });

  it('M6: a log without its creation gives no minutes; a fresh conference gives empty ones', () => {
    expect(buildMinutes([])).toBeUndefined();
    expect(buildMinutes([createdEvent()])).toMatchObject({ entries: [], speeches: [], overall: { speeches: 0 } });
  });

  it('M8 (F19): a denied request is in the timeline with who asked and the chair’s reason; a revoked speech keeps its reason', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    const asked = conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng', position: '' }, articles: [{ article: 1 }], topic: '' });
    const requestId = asked[0]?.type === 'floor.requested' ? asked[0].payload.requestId : '';
    conf.must(ACTORS.chair, { type: 'floor.deny', requestId, reason: 'Đã có ý kiến tương tự' });
    const denied = buildMinutes(conf.log)?.entries.find((e) => e.kind === 'denied');
    expect(denied).toMatchObject({ kind: 'denied', pointId: 'thai-nguyen', pointName: 'Tỉnh ủy Thái Nguyên', speaker: 'Dương Xuân Hùng', reason: 'Đã có ý kiến tương tự' });
    expect(denied?.kind === 'denied' ? denied.text : '').toContain('lý do: Đã có ý kiến tương tự');
  });
});
