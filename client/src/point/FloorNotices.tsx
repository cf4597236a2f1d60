import { useState } from 'react';
import { useSession } from '../app/sessionContext';
import { formatClockTime } from '../domain/format';
import { floorRefusalsOf } from '../domain/selectors';
import { useLocale } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';

const keyOf = (conferenceId: string, pointId: string) => `diemcau.refusals-seen.${conferenceId}.${pointId}`;

function readSeen(key: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * What the chair refused this point — a request denied, a speech revoked — with the chair's reason, shown
 * until the point dismisses it (remembered on this computer, for every console of the point).
 */
export function FloorNotices({ pointId }: { pointId: string }) {
  const { t, locale } = useLocale();
  const state = useConferenceState();
  const { session } = useSession();
  const key = keyOf(session.conferenceId, pointId);
  const [seen, setSeen] = useState(() => readSeen(key));
  const shown = floorRefusalsOf(state, pointId).filter((r) => !seen.has(r.id));
  if (shown.length === 0) return null;
  const dismiss = (id: string) => {
    const next = new Set(seen).add(id);
    setSeen(next);
    try {
      localStorage.setItem(key, JSON.stringify([...next]));
    } catch {
      // private mode: dismissed for this page only
    }
  };
  return (
    <div className="refusals" role="alert" data-testid="floor-refusals">
      {shown.map((r) => (
        <section key={r.id} className="refusal" data-testid="floor-refusal" data-kind={r.status}>
          <p className="refusal__title">{r.status === 'denied' ? t.request.denied : t.request.revoked}</p>
          <p className="refusal__reason" data-testid="refusal-reason">{r.reason ? `“${r.reason}”` : t.request.noReason}</p>
          <p className="muted">{t.request.refusalOf(r.delegate.name, r.closedAt === undefined ? '' : formatClockTime(r.closedAt, locale, state.timeZone))}</p>
          <button type="button" className="btn btn--small" onClick={() => dismiss(r.id)}>{t.request.dismiss}</button>
        </section>
      ))}
    </div>
  );
}
