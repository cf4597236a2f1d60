import { useLocale } from '../i18n/i18n';
import { REPORT_FILE_FORMATS, REPORT_KINDS, reportUrl } from './reportLinks';
import { REPORT_MESSAGES } from './reportMessages';

interface Props {
  conferenceId: string;
  /** A session token of the conference (chair, organiser…) or the admin token. */
  token: string;
  /** Prefix for element ids when a page shows the panel twice. */
  idPrefix?: string;
}

/**
 * The synthesis report and the minutes as DOCX, XLSX, CSV and a print view. Plain links, so the
 * browser's own download handling (and its download bar) does the rest. Styled with base.css only,
 * so any console can mount it.
 */
export function ReportDownloads({ conferenceId, token, idPrefix = 'reports' }: Props) {
  const { locale } = useLocale();
  const m = REPORT_MESSAGES[locale];
  return (
    <section className="panel report-downloads" aria-labelledby={`${idPrefix}-title`} data-testid="report-downloads">
      <header className="panel__head">
        <h2 id={`${idPrefix}-title`} className="panel__title">{m.title}</h2>
      </header>
      <div className="panel__body">
        <p className="hint">{m.intro}</p>
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
                        <a key={format} className={`btn btn--small${format === 'docx' ? ' btn--primary' : ''}`} href={reportUrl(conferenceId, kind, format, token)} download aria-label={m.download(m.kinds[kind], m.formats[format])} data-testid={`report-${kind}-${format}`}>
                          <span aria-hidden="true">⤓</span> {m.formats[format]}
                        </a>
                      ))}
                      <a className="btn btn--small btn--ghost" href={reportUrl(conferenceId, kind, 'html', token)} target="_blank" rel="noopener noreferrer" aria-label={m.print(m.kinds[kind])} data-testid={`report-${kind}-html`}>
                        <span aria-hidden="true">⎙</span> {m.formats.html}
                      </a>
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
