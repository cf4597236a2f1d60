import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { LocaleProvider } from '../i18n/i18n';
import { ReportDownloads } from './ReportDownloads';
import { REPORT_MESSAGES } from './reportMessages';

type Call = { url: string; init: RequestInit };

/** What the component reads of an answer (jsdom has no fetch Response). */
const answer = (status: number, body: unknown) => () => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;

function fakeHub(answer: () => Response) {
  const calls: Call[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}
const linkAnswer = answer(201, { url: '/api/report-links/abc', expiresAt: 1 });

describe('report downloads', () => {
  it('Q41: a click asks the hub for a single-use link with the token in the Authorization header, never in a URL', async () => {
    const { calls, fetchFn } = fakeHub(linkAnswer);
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.hasAttribute('download')}`);
    });
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn 1" token="tok/en+1" fetchFn={fetchFn} /></LocaleProvider>);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tải báo cáo tổng hợp ý kiến, định dạng Word (.docx)' }));
    });
    expect(calls.map((c) => c.url)).toEqual(['/api/conferences/hn%201/report-links']);
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer tok/en+1' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ file: 'synthesis.docx' });
    expect(clicked).toEqual(['/api/report-links/abc true']);
    expect(document.body.innerHTML).not.toContain('tok');
    click.mockRestore();
  });

  it('offers every report in every format and the print view, and opens the print view in a new tab', async () => {
    const { calls, fetchFn } = fakeHub(linkAnswer);
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn-1" token="t" fetchFn={fetchFn} /></LocaleProvider>);
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('data-testid'))).toEqual(
      ['synthesis', 'minutes'].flatMap((k) => ['docx', 'xlsx', 'csv', 'html'].map((f) => `report-${k}-${f}`)),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mở bản in của biên bản hội nghị (thẻ mới)' }));
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ file: 'minutes.html' });
    expect([tab.opener, tab.location.href]).toEqual([null, '/api/report-links/abc']);
    open.mockRestore();
  });

  it('says so when the hub refuses (an expired session), and closes the print tab it opened', async () => {
    const { fetchFn } = fakeHub(answer(401, {}));
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn-1" token="t" fetchFn={fetchFn} /></LocaleProvider>);
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-synthesis-html'));
    });
    expect(screen.getByRole('alert').textContent).toBe(REPORT_MESSAGES.vi.failed.refused);
    expect(tab.close).toHaveBeenCalled();
    open.mockRestore();
  });

  it('DA15: once a revision is confirmed, the synthesis downloads carry the chosen numbering and the minutes none', async () => {
    const { calls, fetchFn } = fakeHub(linkAnswer);
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn-1" token="t" hasRevision fetchFn={fetchFn} /></LocaleProvider>);
    const choice = screen.getByRole('group', { name: 'Đánh số theo' });
    expect(within(choice).getByRole('radio', { name: 'dự thảo lần 1' })).toHaveProperty('checked', true);
    const body = (i: number) => JSON.parse(String(calls[i]?.init.body)) as unknown;
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-synthesis-docx'));
    });
    fireEvent.click(within(choice).getByRole('radio', { name: 'dự thảo lần 2' }));
    for (const format of ['docx', 'xlsx', 'csv']) {
      await act(async () => {
        fireEvent.click(screen.getByTestId(`report-synthesis-${format}`));
      });
    }
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-minutes-docx'));
    });
    expect(calls.map((_, i) => body(i))).toEqual([
      { file: 'synthesis.docx', numbering: 'first' },
      { file: 'synthesis.docx', numbering: 'revised' },
      { file: 'synthesis.xlsx', numbering: 'revised' },
      { file: 'synthesis.csv', numbering: 'revised' },
      { file: 'minutes.docx' },
    ]);
    click.mockRestore();
  });

  it('DA15: the print view carries the numbering too, and the choice speaks English', async () => {
    const { calls, fetchFn } = fakeHub(linkAnswer);
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    render(<LocaleProvider initial="en"><ReportDownloads conferenceId="hn-1" token="t" hasRevision fetchFn={fetchFn} /></LocaleProvider>);
    fireEvent.click(within(screen.getByRole('group', { name: 'Numbering follows' })).getByRole('radio', { name: 'draft 2' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-synthesis-html'));
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ file: 'synthesis.html', numbering: 'revised' });
    open.mockRestore();
  });

  it('without a confirmed revision there is no numbering to choose and none is sent', async () => {
    const { calls, fetchFn } = fakeHub(linkAnswer);
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn-1" token="t" fetchFn={fetchFn} /></LocaleProvider>);
    expect(screen.queryByRole('group', { name: 'Đánh số theo' })).toBeNull();
    expect(screen.queryAllByRole('radio')).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByTestId('report-synthesis-docx'));
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ file: 'synthesis.docx' });
    click.mockRestore();
  });

  it('speaks English too, with the same messages in both languages', () => {
    render(<LocaleProvider initial="en"><ReportDownloads conferenceId="hn-1" token="t" /></LocaleProvider>);
    expect(screen.getByRole('heading', { name: 'Reports' })).toBeTruthy();
    expect(Object.keys(REPORT_MESSAGES.en)).toEqual(Object.keys(REPORT_MESSAGES.vi));
  });
});
