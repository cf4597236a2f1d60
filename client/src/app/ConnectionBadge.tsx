import { useT } from '../i18n/i18n';
import { useConnectionSnapshot } from '../state/hooks';
import { errorText } from '../ui/useCommand';

const ICON = { connecting: '…', connected: '●', reconnecting: '↻', offline: '✕' } as const;

/** Always visible: a shape and a word as well as a colour; and why the hub turned the console away, while it does. */
export function ConnectionBadge() {
  const t = useT();
  const { status, refused } = useConnectionSnapshot();
  return (
    <span className={`conn conn--${status}`} role="status" title={t.connection.detail[status]} data-testid="connection" data-status={status}>
      <span className="conn__icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t.connection[status]}
      {refused && status !== 'connected' ? <span className="conn__refused" data-testid="connection-refused"> — {errorText(t, refused)}</span> : null}
    </span>
  );
}
