import { act, fireEvent, render, screen } from '@testing-library/react';
import { LocaleProvider } from '../../i18n/i18n';
import { ArchiveDownload } from './ArchiveDownload';

type Call = { url: string; init: RequestInit };
const answer = (status: number, body: unknown) => () => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;

function fakeHub(reply: () => Response) {
  const calls: Call[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return reply();
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('the organiser\'s archive download (AR3)', () => {
  it('AR3: once the conference has ended, a click asks for a single-use archive link with the admin token in a header and downloads it', async () => {
    const { calls, fetchFn } = fakeHub(answer(201, { url: '/api/archive-links/abc', expiresAt: 1 }));
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.hasAttribute('download')}`);
    });
    render(<LocaleProvider initial="vi"><ArchiveDownload conferenceId="hn 1" adminToken="admin/tok" status="ended" fetchFn={fetchFn} /></LocaleProvider>);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Tải hồ sơ lưu trữ/ }));
    });
    expect(calls.map((c) => [c.url, c.init.method, c.init.body])).toEqual([['/api/conferences/hn%201/archive-links', 'POST', '{}']]);
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer admin/tok' });
    expect(clicked).toEqual(['/api/archive-links/abc true']);
    expect(document.body.innerHTML).not.toContain('admin/tok');
    click.mockRestore();
  });

  it('AR3: before the end there is no button, only when the archive will be ready', () => {
    const { calls, fetchFn } = fakeHub(answer(201, {}));
    render(<LocaleProvider initial="en"><ArchiveDownload conferenceId="hn-1" adminToken="t" status="live" fetchFn={fetchFn} /></LocaleProvider>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('archive-wait').textContent).toBe('The archive is made once the conference has ended.');
    expect(calls).toEqual([]);
  });

  it('AR3: a refusal is said in words (not ended: 409; a bad token: 401)', async () => {
    for (const [status, text] of [[409, 'Hội nghị chưa kết thúc: chưa lập được hồ sơ lưu trữ.'], [401, 'Máy chủ từ chối: mã quản trị không còn hiệu lực.']] as const) {
      const { fetchFn } = fakeHub(answer(status, { error: { code: 'CONFLICT' } }));
      const view = render(<LocaleProvider initial="vi"><ArchiveDownload conferenceId="hn-1" adminToken="t" status="ended" fetchFn={fetchFn} /></LocaleProvider>);
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: /Tải hồ sơ lưu trữ/ }));
      });
      expect(screen.getByRole('alert').textContent).toBe(text);
      view.unmount();
    }
  });
});
