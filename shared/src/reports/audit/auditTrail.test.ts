import { ACTORS, FIXTURE_SETUP, FixtureConference, T0 } from '../../testing/conferenceFixture';
import type { Actor } from '../../protocol/actor';
import type { StoredEvent } from '../../protocol/events';
import { filterAudit } from './auditFilter';
import { auditTrail, whoOf } from './auditTrail';
import { AUDIT_TEXT_VI } from './auditWords';

const LAN: Actor = { role: 'secretary', sessionId: 's-lan', label: 'Nguyễn Thị Lan' };
const MINH: Actor = { role: 'secretary', sessionId: 's-minh', label: 'Trần Văn Minh' };
const UNNAMED: Actor = { role: 'secretary', sessionId: 's-sec', label: 'Thư ký' };
const CHAIR: Actor = ACTORS.chair;
const at = (s: number) => T0 + s * 1000;
const hung = { delegateId: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
const ha = { name: 'Đinh Thị Hà', position: 'Phó Bí thư Tỉnh ủy' };

/** Two points ask, the chair reorders, denies one with a reason and gives the other the floor; two named secretaries log, the chair merges. */
function session(): { conf: FixtureConference; first: string; second: string } {
  const conf = new FixtureConference();
  conf.must(CHAIR, { type: 'conference.start' }, at(0));
  conf.must(CHAIR, { type: 'agenda.activate', itemId: 'thao-luan' }, at(10));
  conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate: hung, articles: [{ article: 1, clause: 2 }], topic: 'Phạm vi' }, at(20));
  conf.must(ACTORS.haGiang, { type: 'floor.request', pointId: 'ha-giang', delegate: ha, articles: [{ article: 2 }] }, at(30));
  const [tn, hg] = conf.state.requests.ids as [string, string];
  conf.must(CHAIR, { type: 'floor.reorder', requestId: hg, toIndex: 0 }, at(40));
  conf.must(CHAIR, { type: 'floor.deny', requestId: tn, reason: 'Đã có ý kiến tương tự' }, at(50));
  const speechId = '00000000-0000-4000-8000-00000000aaaa';
  conf.must(CHAIR, { type: 'floor.grant', requestId: hg, limitS: 240, commandId: speechId }, at(60));
  const first = '00000000-0000-4000-8000-00000000bbb1';
  const second = '00000000-0000-4000-8000-00000000bbb2';
  conf.must(LAN, { type: 'comment.log', speechId, articles: [{ article: 2 }], kind: 'amend', text: 'Đề nghị sửa định nghĩa “đảng đoàn”', commandId: first }, at(90));
  conf.must(MINH, { type: 'comment.log', speechId, articles: [{ article: 2 }], kind: 'amend', text: 'Sửa định nghĩa đảng đoàn', commandId: second }, at(95));
  conf.must(CHAIR, { type: 'comment.merge', commentId: second, intoId: first }, at(100));
  conf.must(CHAIR, { type: 'floor.extend', speechId, seconds: 90 }, at(200));
  conf.must(CHAIR, { type: 'floor.revoke', speechId, reason: 'Ngoài phạm vi' }, at(300));
  return { conf, first, second };
}

const rowsOf = (log: StoredEvent[], conf: FixtureConference) => auditTrail(log.slice(1), conf.state);

describe('auditTrail', () => {
  it('H8: one row per event — time in the conference’s zone, who (role, point, name), what in words, area, point concerned', () => {
    const { conf } = session();
    const rows = rowsOf(conf.log, conf);
    expect(rows.map((r) => [r.time, r.who.roleLabel, r.who.point ?? '', r.who.name ?? '', r.area, r.point ?? '', r.text])).toEqual([
      ['15:00:00 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'conference', '', 'Khai mạc hội nghị'],
      ['15:00:10 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'agenda', '', 'Chuyển sang nội dung “Thảo luận Chương I”'],
      ['15:00:20 27/10/2023', 'Điểm cầu', 'Tỉnh ủy Thái Nguyên', '', 'floor', 'Tỉnh ủy Thái Nguyên', 'Tỉnh ủy Thái Nguyên đăng ký phát biểu: Dương Xuân Hùng, Điều 1 khoản 2 — “Phạm vi”'],
      ['15:00:20 27/10/2023', 'Điểm cầu', 'Tỉnh ủy Thái Nguyên', '', 'floor', 'Tỉnh ủy Thái Nguyên', 'Đăng ký của Tỉnh ủy Thái Nguyên (Dương Xuân Hùng) vào danh sách chờ, vị trí 1'],
      ['15:00:30 27/10/2023', 'Điểm cầu', 'Tỉnh ủy Hà Giang', '', 'floor', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Hà Giang đăng ký phát biểu: Đinh Thị Hà, Điều 2'],
      ['15:00:30 27/10/2023', 'Điểm cầu', 'Tỉnh ủy Hà Giang', '', 'floor', 'Tỉnh ủy Hà Giang', 'Đăng ký của Tỉnh ủy Hà Giang (Đinh Thị Hà) vào danh sách chờ, vị trí 2'],
      ['15:00:40 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'floor', 'Tỉnh ủy Hà Giang', 'Chuyển đăng ký của Tỉnh ủy Hà Giang (Đinh Thị Hà) tới vị trí 1'],
      ['15:00:50 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'floor', 'Tỉnh ủy Thái Nguyên', 'Từ chối đăng ký của Tỉnh ủy Thái Nguyên (Dương Xuân Hùng), lý do: “Đã có ý kiến tương tự”'],
      ['15:01:00 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'floor', 'Tỉnh ủy Hà Giang', 'Trao lời cho Tỉnh ủy Hà Giang (Đinh Thị Hà), thời lượng 4 phút'],
      ['15:01:30 27/10/2023', 'Thư ký', '', 'Nguyễn Thị Lan', 'comments', 'Tỉnh ủy Hà Giang', 'Ghi ý kiến (sửa đổi) của Tỉnh ủy Hà Giang (Đinh Thị Hà) về Điều 2: “Đề nghị sửa định nghĩa “đảng đoàn””'],
      ['15:01:35 27/10/2023', 'Thư ký', '', 'Trần Văn Minh', 'comments', 'Tỉnh ủy Hà Giang', 'Ghi ý kiến (sửa đổi) của Tỉnh ủy Hà Giang (Đinh Thị Hà) về Điều 2: “Sửa định nghĩa đảng đoàn”'],
      ['15:01:40 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'comments', 'Tỉnh ủy Hà Giang', 'Gộp ý kiến của Tỉnh ủy Hà Giang (Đinh Thị Hà) về Điều 2 (“Sửa định nghĩa đảng đoàn”) vào ý kiến về Điều 2 (“Đề nghị sửa định nghĩa “đảng đoàn””)'],
      ['15:03:20 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'floor', 'Tỉnh ủy Hà Giang', 'Gia hạn phát biểu của Tỉnh ủy Hà Giang (Đinh Thị Hà) thêm 1 phút 30 giây'],
      ['15:05:00 27/10/2023', 'Chủ trì', 'Điểm cầu Trung ương', '', 'floor', 'Tỉnh ủy Hà Giang', 'Thu hồi lời của Tỉnh ủy Hà Giang (Đinh Thị Hà), lý do: “Ngoài phạm vi”'],
    ]);
    expect(rows.map((r) => r.seq)).toEqual(conf.log.slice(1).map((e) => e.seq));
  });

  it('H8: rows carry the action and its params, so a console can say the same in another language', () => {
    const { conf } = session();
    const denied = rowsOf(conf.log, conf).find((r) => r.action === 'floor.denied');
    expect(denied).toMatchObject({ pointId: 'thai-nguyen', params: { point: 'Tỉnh ủy Thái Nguyên', delegate: 'Dương Xuân Hùng', reason: 'Đã có ý kiến tương tự' } });
    const logged = rowsOf(conf.log, conf).find((r) => r.action === 'comment.logged');
    expect(logged?.params).toMatchObject({ kind: 'amend', source: 'spoken', articles: 'Điều 2' });
  });

  it('H8: a window of the log gives the rows the whole log gives for it (a console asks only for what is new)', () => {
    const { conf } = session();
    const all = auditTrail(conf.log, conf.state);
    expect(auditTrail(conf.log.slice(6), conf.state)).toEqual(all.slice(6));
  });

  it('H8: times follow the conference’s time zone, whatever the machine is set to (K11)', () => {
    const conf = new FixtureConference({ ...FIXTURE_SETUP, timeZone: 'Europe/Paris' });
    conf.must(CHAIR, { type: 'conference.start' }, at(0));
    expect(auditTrail(conf.log, conf.state).map((r) => r.time)).toEqual(['10:00:00 27/10/2023', '10:00:00 27/10/2023']);
  });

  it('C12: a name is shown only when the session was given one; a code’s own label is not a name', () => {
    const { conf } = session();
    expect(whoOf(UNNAMED, conf.state)).toEqual({ role: 'secretary', roleLabel: 'Thư ký' });
    expect(whoOf(LAN, conf.state)).toEqual({ role: 'secretary', roleLabel: 'Thư ký', name: 'Nguyễn Thị Lan' });
    expect(whoOf({ ...ACTORS.thaiNguyen, label: 'Tỉnh ủy Thái Nguyên' }, conf.state)).toEqual({ role: 'point', roleLabel: 'Điểm cầu', pointId: 'thai-nguyen', point: 'Tỉnh ủy Thái Nguyên' });
    expect(whoOf({ role: 'system', sessionId: 'system', label: 'Hệ thống' }, conf.state)).toEqual({ role: 'system', roleLabel: 'Hệ thống' });
  });

  it('H8: comments are cut to one line of at most 120 characters; a comment with no point says so without a blank', () => {
    const conf = new FixtureConference();
    conf.must(CHAIR, { type: 'conference.start' }, at(0));
    conf.must(UNNAMED, { type: 'comment.log', articles: [], kind: 'other', text: `Dòng một\n${'rất dài '.repeat(30)}` }, at(5));
    const row = auditTrail(conf.log, conf.state).at(-1);
    expect(row?.pointId).toBeUndefined();
    expect(row?.text.startsWith('Ghi ý kiến (khác) về Ý kiến chung: “Dòng một rất dài')).toBe(true);
    expect(Array.from(String(row?.params.text)).length).toBe(120);
    expect(String(row?.params.text).endsWith('…')).toBe(true);
  });

  it('H10: the filter keeps one area and one point concerned, newest first unless asked oldest first', () => {
    const { conf } = session();
    const rows = rowsOf(conf.log, conf);
    const floorTn = filterAudit(rows, { area: 'floor', point: 'thai-nguyen' });
    expect(floorTn.map((r) => r.action)).toEqual(['floor.denied', 'floor.accepted', 'floor.requested']);
    expect(filterAudit(rows, { area: 'comments', order: 'oldest' }).map((r) => r.action)).toEqual(['comment.logged', 'comment.logged', 'comment.merged']);
    expect(filterAudit(rows, {}).map((r) => r.seq)).toEqual(rows.map((r) => r.seq).reverse());
  });

  it('H8: every event type has a sentence with no internal name in it', () => {
    const sample = { point: 'Tỉnh ủy Hà Giang', delegate: 'Đinh Thị Hà', articles: 'Điều 2', text: 'x', reason: 'next', kind: 'agree', status: 'partly', changed: 'text,kind', mode: 'open', defaultSpeechS: 240, autoEndSpeech: 1 };
    for (const [type, say] of Object.entries(AUDIT_TEXT_VI)) {
      const text = say(sample);
      expect([type, /\b(floor|comment|conference|queue|agenda|discussion|settings|point)\.[a-z]|undefined|NaN|\b(agree|partly|open)\b/.test(text)]).toEqual([type, false]);
    }
  });
});
