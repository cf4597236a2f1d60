import { LIMITS, currentSpeech } from '@diem-cau/shared';
import { useState } from 'react';
import { formatDuration } from '../domain/format';
import { pointName, queuedRequests } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { SpeechTimer } from '../ui/SpeechTimer';
import { useCommand } from '../ui/useCommand';

export const EXTEND_MINUTES = [1, 2, 5] as const;

/** The floor holder and the chair's controls over the speech. */
export function SpeechPanel() {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const [revoking, setRevoking] = useState(false);
  const [revokeReason, setRevokeReason] = useState('');
  const speech = currentSpeech(state);
  const next = queuedRequests(state)[0];
  const live = state.status === 'live';
  const actions = (
    <>
      <button type="button" className="btn btn--primary" disabled={!live || !next} onClick={() => next && void run({ type: 'floor.grant', requestId: next.id })}>
        {t.queue.grantNext} <kbd>G</kbd>
      </button>
      {!speech ? (
        <button type="button" className="btn" disabled={!live} onClick={() => void run({ type: 'floor.grant', self: true })}>
          {t.speech.grantSelf}
        </button>
      ) : null}
    </>
  );
  return (
    <Panel id="speech" title={t.speech.title} className="panel--speech" actions={actions}>
      {!speech ? (
        <p className="empty empty--big">{t.speech.none}</p>
      ) : (
        <div className="speech" data-testid="current-speech">
          <div className="speech__who">
            <p className="speech__name" data-testid="speaker-name">{speech.delegate.name}</p>
            {speech.delegate.position ? <p className="speech__position">{speech.delegate.position}</p> : null}
            <p className="speech__point">{pointName(state, speech.pointId)}</p>
            <ArticleRefs refs={speech.articles} titled />
            {speech.topic ? <p className="speech__topic">{speech.topic}</p> : null}
            <p className="muted">{t.speech.limit(formatDuration((speech.limitS + speech.extendedS) * 1000))}</p>
          </div>
          <SpeechTimer speech={speech} size="huge" />
          <div className="speech__controls">
            {speech.status.kind === 'paused' ? (
              <button type="button" className="btn" onClick={() => void run({ type: 'floor.resume', speechId: speech.id })}>▶ {t.speech.resume} <kbd>P</kbd></button>
            ) : (
              <button type="button" className="btn" onClick={() => void run({ type: 'floor.pause', speechId: speech.id })}>❚❚ {t.speech.pause} <kbd>P</kbd></button>
            )}
            {EXTEND_MINUTES.map((m) => (
              <button key={m} type="button" className="btn" aria-label={t.speech.extendLabel(m)} onClick={() => void run({ type: 'floor.extend', speechId: speech.id, seconds: m * 60 })}>
                {t.speech.extend(m)} <kbd>{m}</kbd>
              </button>
            ))}
            <button type="button" className="btn btn--warn" onClick={() => void run({ type: 'floor.release', speechId: speech.id })}>■ {t.speech.end} <kbd>E</kbd></button>
            {revoking ? (
              <form className="confirm" onSubmit={(e) => { e.preventDefault(); setRevoking(false); void run({ type: 'floor.revoke', speechId: speech.id, reason: revokeReason.trim() }); }}>
                {t.speech.revokeConfirm}
                <label className="sr-only" htmlFor="revoke-reason">{t.speech.revokeReason}</label>
                <input id="revoke-reason" className="input" placeholder={t.speech.revokeReason} value={revokeReason} onChange={(e) => setRevokeReason(e.target.value)} maxLength={LIMITS.REASON_CHARS} autoFocus />
                <button type="submit" className="btn btn--danger btn--small">{t.speech.revoke}</button>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setRevoking(false)}>{t.queue.cancel}</button>
              </form>
            ) : (
              <button type="button" className="btn btn--danger-ghost" onClick={() => { setRevokeReason(''); setRevoking(true); }}>{t.speech.revoke}</button>
            )}
          </div>
        </div>
      )}
      <ErrorNote message={error} />
    </Panel>
  );
}
