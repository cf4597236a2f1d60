import { AuditAnswerSchema, listOf } from '@diem-cau/shared';
import { TestClient } from '../testing/testClient';
import { TEST_ADMIN_TOKEN, TestHub, type JoinCodeInfo } from '../testing/testHub';

const json = { 'content-type': 'application/json' };
const DELEGATE = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };

describe('the audit trail over HTTP, and secretaries who name themselves', () => {
  let hub: TestHub;
  let codes: JoinCodeInfo[];
  let conferenceId: string;
  const tokens: Record<string, string> = {};
  const codeOf = (role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';

  beforeAll(async () => {
    hub = await TestHub.start();
    ({ conferenceId, joinCodes: codes } = await hub.createConference());
    for (const [key, role, pointId] of [['chair', 'chair'], ['lan', 'secretary'], ['minh', 'secretary'], ['point', 'point', 'thai-nguyen'], ['display', 'display'], ['organiser', 'organiser']] as const) {
      tokens[key] = (await hub.session(codeOf(role, pointId))).token;
    }
  });
  afterAll(async () => {
    await hub.stop();
  });

  const nameSession = (token: string, name: unknown) =>
    fetch(`${hub.url}/api/sessions/name`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ name }) });
  const audit = async (token: string, query = '') => fetch(`${hub.url}/api/conferences/${conferenceId}/audit${query}`, { headers: { authorization: `Bearer ${token}` } });
  const connect = (token: string) => TestClient.connect(hub.url, token, conferenceId).then((c) => (hub.clients.push(c), c));

  it('C12: a secretary names the session; what it logs afterwards carries the name, whatever the command claims', async () => {
    const res = await nameSession(tokens.lan ?? '', '  Nguyen Thi Lan\u0301  '.normalize('NFD').replace('Lan\u0301', 'Lán'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Nguyen Thi Lán'.normalize('NFC') });
    expect((await nameSession(tokens.minh ?? '', 'Trần Văn Minh')).status).toBe(200);
    const chair = await connect(tokens.chair ?? '');
    await chair.command({ type: 'conference.start' });
    const point = await connect(tokens.point ?? '');
    await point.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: DELEGATE, articles: [{ article: 1 }], topic: 'Phạm vi' });
    await chair.waitForSeq(point.seq);
    await chair.command({ type: 'floor.grant', requestId: chair.state?.requests.ids[0] });
    const lan = await connect(tokens.lan ?? '');
    const minh = await connect(tokens.minh ?? '');
    await lan.waitForSeq(chair.seq);
    const speechId = lan.state?.currentSpeechId;
    expect((await lan.command({ type: 'comment.log', speechId, articles: [{ article: 1 }], kind: 'amend', text: 'Sửa Điều 1', loggedBy: { label: 'Giả mạo' } })).ok).toBe(false);
    expect((await lan.command({ type: 'comment.log', speechId, articles: [{ article: 1 }], kind: 'amend', text: 'Sửa Điều 1' })).ok).toBe(true);
    expect((await minh.command({ type: 'comment.log', speechId, articles: [{ article: 1 }], kind: 'agree', text: 'Tán thành' })).ok).toBe(true);
    await chair.waitForSeq(minh.seq);
    expect(listOf(chair.state!.comments).map((c) => c.loggedBy.label)).toEqual(['Nguyen Thi Lán'.normalize('NFC'), 'Trần Văn Minh']);
  });

  it('C12: a name is trimmed and NFC; empty, too long, control characters and a missing session are refused', async () => {
    expect((await nameSession(tokens.minh ?? '', '   ')).status).toBe(400);
    expect((await nameSession(tokens.minh ?? '', 'x'.repeat(61))).status).toBe(400);
    expect((await nameSession(tokens.minh ?? '', 'Minh\u202Eevil')).status).toBe(400);
    expect((await nameSession(tokens.minh ?? '', 42)).status).toBe(400);
    expect((await nameSession('not-a-session-token-0123456789', 'Minh')).status).toBe(401);
    const noAuth = await fetch(`${hub.url}/api/sessions/name`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Minh' }) });
    expect(noAuth.status).toBe(401);
  });

  it('H9: the chair’s session and the admin token read the trail; other roles are FORBIDDEN with a reason, no token UNAUTHORIZED', async () => {
    for (const token of [tokens.chair, TEST_ADMIN_TOKEN]) expect((await audit(token ?? '')).status).toBe(200);
    for (const key of ['lan', 'point', 'display', 'organiser']) {
      const res = await audit(tokens[key] ?? '');
      expect([key, res.status]).toEqual([key, 403]);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('AUDIT_CHAIR_ONLY');
    }
    expect((await fetch(`${hub.url}/api/conferences/${conferenceId}/audit`)).status).toBe(401);
    const other = await hub.createConference();
    const otherChair = (await hub.session(other.joinCodes.find((c) => c.role === 'chair')?.code ?? '')).token;
    expect((await audit(otherChair)).status).toBe(401);
  });

  it('H8: the JSON rows say who did what in words, with the secretaries’ names; sinceSeq gives only what is new', async () => {
    const all = AuditAnswerSchema.parse(await (await audit(tokens.chair ?? '')).json());
    const logged = all.rows.filter((r) => r.action === 'comment.logged');
    expect(logged.map((r) => [r.who.roleLabel, r.who.name, r.point])).toEqual([
      ['Thư ký', 'Nguyen Thi Lán'.normalize('NFC'), 'Tỉnh ủy Thái Nguyên'],
      ['Thư ký', 'Trần Văn Minh', 'Tỉnh ủy Thái Nguyên'],
    ]);
    expect(all.rows[0]?.text).toBe('Tạo hội nghị “Hội nghị thử nghiệm”');
    const since = AuditAnswerSchema.parse(await (await audit(tokens.chair ?? '', `?sinceSeq=${all.seq - 2}`)).json());
    expect(since.rows).toEqual(all.rows.slice(-2));
    expect(AuditAnswerSchema.parse(await (await audit(tokens.chair ?? '', `?sinceSeq=${all.seq}`)).json()).rows).toEqual([]);
    expect((await audit(tokens.chair ?? '', '?sinceSeq=-1')).status).toBe(400);
  });

  it('H10: the CSV comes through a single-use link, filtered like the view, and holds the same rows', async () => {
    const ask = (body: object, token = tokens.chair ?? '') =>
      fetch(`${hub.url}/api/conferences/${conferenceId}/audit-links`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await ask({ area: 'comments' }, tokens.lan)).status).toBe(403);
    expect((await ask({ area: 'nonsense' })).status).toBe(400);
    const { url } = (await (await ask({ area: 'comments', point: 'thai-nguyen', order: 'oldest' })).json()) as { url: string };
    expect(url).toMatch(/^\/api\/audit-links\/[A-Za-z0-9_-]{43}$/);
    const file = await fetch(`${hub.url}${url}`);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''Nh%E1%BA%ADt%20k%C3%BD");
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
    expect(text.startsWith('\uFEFFSTT,Thời gian,Vai trò,Điểm cầu thực hiện,Người thực hiện,Loại,Nội dung,Điểm cầu liên quan\r\n')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+,\d\d:\d\d:\d\d \d\d\/\d\d\/\d{4},Thư ký,,Nguyen Thi Lán,Ý kiến,/);
    expect(lines[1]).toContain('Trần Văn Minh');
    expect((await fetch(`${hub.url}${url}`)).status).toBe(404);
  });

  it('H10: a report link does not open the audit, nor an audit link a report', async () => {
    const report = (await (await fetch(`${hub.url}/api/conferences/${conferenceId}/report-links`, { method: 'POST', headers: { ...json, authorization: `Bearer ${tokens.point ?? ''}` }, body: JSON.stringify({ file: 'synthesis.csv' }) })).json()) as { url: string };
    expect((await fetch(`${hub.url}${report.url.replace('/report-links/', '/audit-links/')}`)).status).toBe(404);
    const direct = await fetch(`${hub.url}/api/conferences/${conferenceId}/audit.csv?area=floor`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toContain('Tỉnh ủy Thái Nguyên đăng ký phát biểu: Dương Xuân Hùng');
  });
});
