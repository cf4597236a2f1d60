import { useT } from '../i18n/i18n';
import { useConnectionSnapshot } from '../state/hooks';

const ICON = { connecting: '…', connected: '●', reconnecting: '↻', offline: '✕' } as const;

/** Always visible: a shape and a word as well as a colour. */
export function ConnectionBadge() {
  const t = useT();
  const { status } = useConnectionSnapshot();
  return (
    <span className={`conn conn--${status}`} role="status" title={t.connection.detail[status]} data-testid="connection" data-status={status}>
      <span className="conn__icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t.connection[status]}
    </span>
  );
}
