import { NUMBERINGS, type Numbering } from '@diem-cau/shared';
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
  /** A revised draft is confirmed (DA15): the synthesis can be numbered after either draft. */
  hasRevision?: boolean;
  fetchFn?: typeof fetch;
}

/**
 * The synthesis report and the minutes as DOCX, XLSX, CSV and a print view. Each click asks the hub for a
 * single-use link and hands it to the browser's own download handling (or a new tab for the print view).
 * Styled with base.css only, so any console can mount it.
 */
export function ReportDownloads({ conferenceId, token, idPrefix = 'reports', hasRevision = false, fetchFn }: Props) {
  const { locale } = useLocale();
  const m = REPORT_MESSAGES[locale];
  const [failure, setFailure] = useState<'refused' | 'network' | null>(null);
  const [numbering, setNumbering] = useState<Numbering>('first');

  const open = async (kind: ReportKind, format: ReportFormat) => {
    setFailure(null);
    // The print view's tab is opened within the click (no popup blocker), and sent to the link once it comes.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    if (tab) tab.opener = null;
    // The minutes follow the conference as it ran: only the synthesis is laid out on a draft.
    const options = kind === 'synthesis' && hasRevision ? { numbering } : {};
    const link = await requestReportLink(conferenceId, kind, format, token, fetchFn, options);
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
                    {kind === 'synthesis' && hasRevision ? <NumberingChoice idPrefix={idPrefix} value={numbering} onChange={setNumbering} /> : null}
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

/** "Đánh số theo: dự thảo lần 1 / dự thảo lần 2": which draft's article numbers the synthesis follows. */
function NumberingChoice({ idPrefix, value, onChange }: { idPrefix: string; value: Numbering; onChange: (n: Numbering) => void }) {
  const m = REPORT_MESSAGES[useLocale().locale];
  return (
    <fieldset className="segmented report-downloads__numbering" data-testid="report-numbering">
      <legend className="segmented__legend">{m.numbering}</legend>
      {NUMBERINGS.map((n) => (
        <label key={n} className="segmented__opt">
          <input type="radio" name={`${idPrefix}-numbering`} value={n} checked={value === n} onChange={() => onChange(n)} />
          {m.numberings[n]}
        </label>
      ))}
    </fieldset>
  );
}
