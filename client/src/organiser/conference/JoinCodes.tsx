import type { ConferenceState } from '@diem-cau/shared';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { errorMessage, useApi } from '../api/apiContext';
import type { JoinCodeInfo } from '../api/organiserApi';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { codeHolder, sortCodes } from './codeOrder';

interface Props { conferenceId: string; state: ConferenceState; codes: JoinCodeInfo[]; onReload: () => Promise<void> }

/** Every join code with its link; reissue (the old one is revoked) or revoke. */
export function JoinCodes({ conferenceId, state, codes, onReload }: Props) {
  const t = useOrganiserT();
  const common = useT();
  const api = useApi();
  const [showRevoked, setShowRevoked] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const holder = (c: JoinCodeInfo) => codeHolder(c, state, (r) => common.role[r] ?? r);
  const revoked = codes.filter((c) => c.revoked);
  const shown = sortCodes(codes, state).filter((c) => showRevoked || !c.revoked);

  const reissue = async (c: JoinCodeInfo) => {
    if (!window.confirm(t.codes.reissueConfirm(holder(c)))) return;
    const answer = await api.reissue(conferenceId, c.role, c.pointId);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setError(undefined);
    setNotice(t.codes.reissued(holder(c), answer.value.code));
    await onReload();
  };
  const revoke = async (c: JoinCodeInfo) => {
    if (!window.confirm(t.codes.revokeConfirm(c.code))) return;
    const answer = await api.revoke(conferenceId, c.code);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setError(undefined);
    setNotice(t.codes.revokedOk(c.code));
    await onReload();
  };
  const copy = async (c: JoinCodeInfo) => {
    try {
      await navigator.clipboard.writeText(c.link);
      setCopied(c.code);
    } catch {
      setCopied(undefined);
    }
  };
  return (
    <section className="panel" aria-labelledby="codes-title">
      <header className="panel__head">
        <h2 id="codes-title" className="panel__title">{t.codes.title}</h2>
        {revoked.length > 0 ? (
          <label className="check"><input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />{t.codes.showRevoked(revoked.length)}</label>
        ) : null}
      </header>
      <div className="panel__body">
        <p className="hint">{t.codes.intro}</p>
        <p className="ok-note" role="status">{notice}</p>
        <ErrorNote message={error} />
        <div className="table-wrap">
          <table className="table codes" data-testid="join-codes">
            <thead>
              <tr><th scope="col">{t.codes.who}</th><th scope="col">{t.codes.code}</th><th scope="col">{t.codes.link}</th><th scope="col"><span className="sr-only">{t.codes.actions}</span></th></tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.code} className={c.revoked ? 'codes__row--revoked' : undefined} data-role={c.role} data-point={c.pointId ?? ''}>
                  <th scope="row">{holder(c)}{c.revoked ? <span className="chip chip--closed chip--small">{t.codes.revoked}</span> : null}</th>
                  <td><code className="codes__code" data-testid="join-code">{c.code}</code></td>
                  <td className="codes__link">
                    <a href={c.link} target="_blank" rel="noreferrer">{c.link}</a>
                    {!c.revoked ? (
                      <button type="button" className="btn btn--small btn--ghost" aria-label={t.codes.copyLink(holder(c))} onClick={() => void copy(c)}>{copied === c.code ? t.common.copied : t.common.copy}</button>
                    ) : null}
                  </td>
                  <td className="codes__actions">
                    {!c.revoked ? (
                      <>
                        <button type="button" className="btn btn--small" onClick={() => void reissue(c)}>{t.codes.reissue}</button>
                        <button type="button" className="btn btn--small btn--danger-ghost" onClick={() => void revoke(c)}>{t.codes.revoke}</button>
                      </>
                    ) : null}
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
