import { useState } from 'react';
import { useLocale } from '../i18n/i18n';
import { REPORT_FILE_FORMATS, REPORT_KINDS, downloadFrom, requestReportLink, type ReportFormat, type ReportKind } from './reportLinks';
import { REPORT_MESSAGES } from './reportMessages';

interface Props {
  conferenceId: string;
  /** A session token of the conference (chair, organiser…) or the admin token; sent in a header, never in a URL. */
  token: string;
  /** Prefix for element ids when a page shows the panel twice. */
  idPrefix?: string;
  fetchFn?: typeof fetch;
}

/**
 * The synthesis report and the minutes as DOCX, XLSX, CSV and a print view. Each click asks the hub for a
 * single-use link and hands it to the browser's own download handling (or a new tab for the print view).
 * Styled with base.css only, so any console can mount it.
 */
export function ReportDownloads({ conferenceId, token, idPrefix = 'reports', fetchFn }: Props) {
  const { locale } = useLocale();
  const m = REPORT_MESSAGES[locale];
  const [failure, setFailure] = useState<'refused' | 'network' | null>(null);

  const open = async (kind: ReportKind, format: ReportFormat) => {
    setFailure(null);
    // The print view's tab is opened within the click (no popup blocker), and sent to the link once it comes.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    if (tab) tab.opener = null;
    const link = await requestReportLink(conferenceId, kind, format, token, fetchFn);
    if (!link.ok) {
      tab?.close();
      setFailure(link.reason);
      return;
    }
    if (format !== 'html') downloadFrom(link.url);
    else if (tab) tab.location.href = link.url;
    else window.open(link.url, '_blank', 'noopener');
  };

  return (
    <section className="panel report-downloads" aria-labelledby={`${idPrefix}-title`} data-testid="report-downloads">
      <header className="panel__head">
        <h2 id={`${idPrefix}-title`} className="panel__title">{m.title}</h2>
      </header>
      <div className="panel__body">
        <p className="hint">{m.intro}</p>
        {failure ? <p className="notice" role="alert" data-testid="report-failure">{m.failed[failure]}</p> : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th scope="col">{m.report}</th><th scope="col">{m.formatsHead}</th></tr>
            </thead>
            <tbody>
              {REPORT_KINDS.map((kind) => (
                <tr key={kind}>
                  <th scope="row">
                    {m.kinds[kind]}
                    <span className="hint" style={{ display: 'block', fontWeight: 400 }}>{m.about[kind]}</span>
                  </th>
                  <td>
                    <div className="row">
                      {REPORT_FILE_FORMATS.map((format) => (
                        <button key={format} type="button" className={`btn btn--small${format === 'docx' ? ' btn--primary' : ''}`} onClick={() => void open(kind, format)} aria-label={m.download(m.kinds[kind], m.formats[format])} data-testid={`report-${kind}-${format}`}>
                          <span aria-hidden="true">⤓</span> {m.formats[format]}
                        </button>
                      ))}
                      <button type="button" className="btn btn--small btn--ghost" onClick={() => void open(kind, 'html')} aria-label={m.print(m.kinds[kind])} data-testid={`report-${kind}-html`}>
                        <span aria-hidden="true">⎙</span> {m.formats.html}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
