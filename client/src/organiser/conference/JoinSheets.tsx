import { isLocalOnlyUrl, type ConferenceState } from '@diem-cau/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import type { JoinCodeInfo } from '../api/organiserApi';
import { formatWhen } from '../app/formatWhen';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { codeHolder, sortCodes } from './codeOrder';

interface Props { state: ConferenceState; codes: JoinCodeInfo[] }

/** QR codes as SVG: sharp at any print size, and no canvas needed. */
function useQrCodes(links: string[]): Record<string, string> {
  const [svgs, setSvgs] = useState<Record<string, string>>({});
  const key = links.join('\n');
  useEffect(() => {
    let stopped = false;
    void Promise.all(key.split('\n').filter(Boolean).map(async (link) => [link, await QRCode.toString(link, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })] as const)).then((pairs) => {
      if (!stopped) setSvgs(Object.fromEntries(pairs));
    });
    return () => {
      stopped = true;
    };
  }, [key]);
  return svgs;
}

/** One A4 join sheet per point and per role (not the organisers'), printed with the browser. */
export function JoinSheets({ state, codes }: Props) {
  const t = useOrganiserT();
  const common = useT();
  const { locale } = useLocale();
  const printable = sortCodes(codes, state).filter((c) => !c.revoked && c.role !== 'organiser');
  const [which, setWhich] = useState('all');
  const svgs = useQrCodes(printable.map((c) => c.link));
  const sheets = printable.filter((c) => which === 'all' || c.code === which);
  const holder = (c: JoinCodeInfo) => codeHolder(c, state, (r) => common.role[r] ?? r);
  const when = formatWhen(state.scheduledAt, locale, state.timeZone);
  const localOnly = printable.some((c) => isLocalOnlyUrl(c.link));
  const print = () => {
    if (localOnly && !window.confirm(t.sheets.localConfirm)) return;
    window.print();
  };
  return (
    <div className="sheets-page">
      <section className="panel no-print" aria-labelledby="sheets-title">
        <header className="panel__head">
          <h2 id="sheets-title" className="panel__title">{t.sheets.title}</h2>
          <div className="panel__actions">
            <label className="inline-field">
              {t.sheets.which}
              <select className="input input--small" value={which} onChange={(e) => setWhich(e.target.value)}>
                <option value="all">{t.sheets.all} ({printable.length})</option>
                {printable.map((c) => <option key={c.code} value={c.code}>{holder(c)}</option>)}
              </select>
            </label>
            <button type="button" className="btn btn--primary" onClick={print}>
              <span aria-hidden="true">⎙</span> {t.sheets.printAll}
            </button>
          </div>
        </header>
        <div className="panel__body">
          {localOnly ? <p className="notice notice--warn" role="alert" data-testid="local-link-warning">{t.sheets.localOnly}</p> : null}
          <p className="hint">{t.sheets.intro}</p>
        </div>
      </section>
      <div className="sheets" data-testid="join-sheets">
        {sheets.map((c) => (
          <article key={c.code} className="sheet" data-testid="join-sheet" aria-label={holder(c)}>
            <header className="sheet__head">
              <p className="sheet__brand">Điểm Cầu</p>
              <h3 className="sheet__heading">{t.sheets.heading}</h3>
              <p className="sheet__title">{state.title}</p>
            </header>
            <dl className="sheet__facts">
              <dt>{t.sheets.for}</dt><dd className="sheet__who">{holder(c)}</dd>
              {when ? <><dt>{t.sheets.when}</dt><dd>{when}</dd></> : null}
              {state.venue ? <><dt>{t.sheets.venue}</dt><dd>{state.venue}</dd></> : null}
            </dl>
            <div className="sheet__access">
              <div className="sheet__qr">
                {svgs[c.link] ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgs[c.link] ?? '')}`} alt={t.sheets.qr(holder(c))} /> : <span className="muted">{t.sheets.loading}</span>}
              </div>
              <div className="sheet__code-box">
                <p className="sheet__label">{t.sheets.code}</p>
                <p className="sheet__code" data-testid="sheet-code">{c.code}</p>
                <p className="sheet__label">{t.sheets.link}</p>
                <p className="sheet__link">{c.link}</p>
              </div>
            </div>
            <section className="sheet__steps">
              <h4>{t.sheets.steps}</h4>
              <ol>
                <li>{t.sheets.step1}</li>
                <li>{t.sheets.step2}</li>
                <li>{t.sheets.step3}</li>
              </ol>
            </section>
            <footer className="sheet__foot">
              <span>Điểm Cầu · {t.sheets.footer}</span>
              <span>{c.code}</span>
            </footer>
          </article>
        ))}
      </div>
    </div>
  );
}
