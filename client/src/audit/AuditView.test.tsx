import { auditTrail, type AuditRow, type Actor, type StoredEvent } from '@diem-cau/shared';
import { ACTORS, FixtureConference, T0 } from '@diem-cau/shared/testing';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { LocaleProvider, type Locale } from '../i18n/i18n';
import { AUDIT_TEXT_EN } from './auditEnglish';
import { AuditView } from './AuditView';

const LAN: Actor = { role: 'secretary', sessionId: 's-lan', label: 'Nguyễn Thị Lan' };
const hung = { delegateId: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban' };

function conference() {
  const conf = new FixtureConference();
  conf.must(ACTORS.chair, { type: 'conference.start' }, T0);
  conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate: hung, articles: [{ article: 1 }] }, T0 + 10_000);
  conf.must(ACTORS.chair, { type: 'floor.deny', requestId: conf.state.requests.ids[0] ?? '', reason: 'Trùng ý kiến' }, T0 + 20_000);
  conf.must(LAN, { type: 'comment.log', pointId: 'ha-giang', source: 'written', articles: [{ article: 2 }], kind: 'supplement', text: 'Bổ sung khái niệm' }, T0 + 30_000);
  return conf;
}

/** The hub's answer to `…/audit?sinceSeq=n`, built by the shared function the hub uses. */
function fakeHub(conf: FixtureConference) {
  const asked: string[] = [];
  const rowsSince = (since: number): AuditRow[] => auditTrail(conf.log.filter((e: StoredEvent) => e.seq > since), conf.state);
  const fetchFn = (async (url: string, init: RequestInit) => {
    asked.push(`${url} ${String((init.headers as Record<string, string>).authorization)}`);
    const since = Number(new URL(url, 'http://hub').searchParams.get('sinceSeq'));
    const body = { seq: conf.state.seq, timeZone: conf.state.timeZone, rows: rowsSince(since) };
    return { ok: true, status: 200, json: async () => body } as unknown as Response;
  }) as unknown as typeof fetch;
  return { asked, fetchFn };
}

async function show(conf: FixtureConference, fetchFn: typeof fetch, locale: Locale = 'vi') {
  const ui = (state = conf.state) => <LocaleProvider initial={locale}><AuditView conferenceId="hn-test" token="chair-token-0123456789" state={state} fetchFn={fetchFn} /></LocaleProvider>;
  const view = render(ui());
  await screen.findAllByTestId('audit-row');
  return { rerender: async () => act(async () => view.rerender(ui(conf.state))) };
}

const whats = () => screen.getAllByTestId('audit-what').map((e) => e.textContent);

describe('the audit view', () => {
  it('H10: newest first, who in words with the secretary’s name, and the token only in the header', async () => {
    const conf = conference();
    const { asked, fetchFn } = fakeHub(conf);
    await show(conf, fetchFn);
    expect(asked).toEqual(['/api/conferences/hn-test/audit?sinceSeq=0 Bearer chair-token-0123456789']);
    expect(whats()[0]).toBe('Góp ý bằng văn bản (bổ sung) của Tỉnh ủy Hà Giang về Điều 2: “Bổ sung khái niệm”');
    const newest = screen.getAllByTestId('audit-row')[0] as HTMLElement;
    expect(within(newest).getByTestId('audit-name').textContent).toBe('Nguyễn Thị Lan');
    expect(newest.textContent).toContain('15:00:30');
    expect(whats().at(-1)).toBe('Tạo hội nghị “Hội nghị thử nghiệm”');
  });

  it('H10: filters by kind and by point (points in Vietnamese order), and turns to oldest first', async () => {
    const conf = conference();
    await show(conf, fakeHub(conf).fetchFn);
    const points = screen.getByRole('combobox', { name: 'Điểm cầu liên quan' });
    expect(within(points).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tất cả các điểm cầu', 'Điểm cầu Trung ương', 'Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Loại' }), { target: { value: 'floor' } });
    fireEvent.change(points, { target: { value: 'thai-nguyen' } });
    expect(screen.getAllByTestId('audit-row').map((r) => r.getAttribute('data-action'))).toEqual(['floor.denied', 'floor.accepted', 'floor.requested']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Thứ tự' }), { target: { value: 'oldest' } });
    expect(screen.getAllByTestId('audit-row').map((r) => r.getAttribute('data-action'))).toEqual(['floor.requested', 'floor.accepted', 'floor.denied']);
    expect(screen.getByTestId('audit-count').textContent).toBe('3 / 6 thao tác');
  });

  it('H10: follows the live log, asking only for what came after the last seq it has', async () => {
    const conf = conference();
    const { asked, fetchFn } = fakeHub(conf);
    const view = await show(conf, fetchFn);
    const seq = conf.state.seq;
    conf.must(ACTORS.chair, { type: 'queue.close' }, T0 + 40_000);
    await view.rerender();
    await screen.findByText('Đóng danh sách đăng ký phát biểu');
    expect(asked.at(-1)).toContain(`sinceSeq=${seq}`);
    expect(screen.getAllByTestId('audit-row')).toHaveLength(7);
  });

  it('H8: in English the rows are rendered from their action and params; names and article references stay', async () => {
    const conf = conference();
    await show(conf, fakeHub(conf).fetchFn, 'en');
    expect(whats().slice(0, 2)).toEqual([
      'Written comment (supplement) of Tỉnh ủy Hà Giang on Điều 2: “Bổ sung khái niệm”',
      'Request of Tỉnh ủy Thái Nguyên (Dương Xuân Hùng) denied, reason: “Trùng ý kiến”',
    ]);
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('Secretary');
  });

  it('H8: every event type has an English sentence with no internal name in it', () => {
    const sample = { point: 'Tỉnh ủy Hà Giang', delegate: 'Đinh Thị Hà', articles: 'Điều 2', text: 'x', reason: 'timeout', kind: 'agree', status: 'partly', changed: 'text', mode: 'open', defaultSpeechS: 240 };
    for (const [type, say] of Object.entries(AUDIT_TEXT_EN)) {
      expect([type, /\b(floor|comment|conference|queue|agenda|discussion|settings|point)\.[a-z]|undefined|NaN|defaultSpeechS/.test(say(sample))]).toEqual([type, false]);
    }
  });

  it('H9: a refusal is said, not shown as an empty trail', async () => {
    const fetchFn = (async () => ({ ok: false, status: 403, json: async () => ({}) }) as unknown as Response) as unknown as typeof fetch;
    render(<LocaleProvider initial="vi"><AuditView conferenceId="hn-test" token="t" state={conference().state} fetchFn={fetchFn} /></LocaleProvider>);
    expect((await screen.findByTestId('audit-failure')).textContent).toContain('chỉ chủ trì và ban tổ chức');
  });
});
