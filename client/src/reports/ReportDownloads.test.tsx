import { render, screen } from '@testing-library/react';
import { LocaleProvider } from '../i18n/i18n';
import { ReportDownloads } from './ReportDownloads';
import { REPORT_MESSAGES } from './reportMessages';

describe('report downloads', () => {
  it('links every report and format of the conference with the session token, files as downloads, the print view in a new tab', () => {
    render(<LocaleProvider initial="vi"><ReportDownloads conferenceId="hn 1" token="tok/en+1" /></LocaleProvider>);
    const docx = screen.getByRole('link', { name: 'Tải báo cáo tổng hợp ý kiến, định dạng Word (.docx)' });
    expect(docx.getAttribute('href')).toBe('/api/conferences/hn%201/reports/synthesis.docx?token=tok%2Fen%2B1');
    expect(docx.hasAttribute('download')).toBe(true);
    const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href')?.replace(/\?.*$/, ''));
    expect(hrefs).toEqual(['synthesis', 'minutes'].flatMap((k) => ['docx', 'xlsx', 'csv', 'html'].map((f) => `/api/conferences/hn%201/reports/${k}.${f}`)));
    const print = screen.getByRole('link', { name: 'Mở bản in của biên bản hội nghị (thẻ mới)' });
    expect([print.getAttribute('target'), print.hasAttribute('download')]).toEqual(['_blank', false]);
  });

  it('speaks English too, with the same messages in both languages', () => {
    render(<LocaleProvider initial="en"><ReportDownloads conferenceId="hn-1" token="t" /></LocaleProvider>);
    expect(screen.getByRole('heading', { name: 'Reports' })).toBeTruthy();
    expect(Object.keys(REPORT_MESSAGES.en)).toEqual(Object.keys(REPORT_MESSAGES.vi));
  });
});
