import { pendingRequests, pointName } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { PriorityBadge } from '../ui/PriorityBadge';
import { useCommand } from '../ui/useCommand';

/** In a moderated conference, requests wait here for the chair before entering the queue. */
export function PendingRequests() {
  const t = useT();
  const state = useConferenceState();
  const { run } = useCommand();
  const pending = pendingRequests(state);
  if (pending.length === 0) return null;
  return (
    <div className="pending">
      <h3 className="pending__title">{t.queue.pending}</h3>
      <ul className="pending__list">
        {pending.map((r) => (
          <li key={r.id} className="pending__item">
            <PriorityBadge priority={r.priority} />
            <strong>{pointName(state, r.pointId)}</strong> · {r.delegate.name}
            <ArticleRefs refs={r.articles} />
            <span className="pending__actions">
              <button type="button" className="btn btn--small btn--primary" onClick={() => void run({ type: 'floor.accept', requestId: r.id })}>
                {t.queue.accept}
              </button>
              <button type="button" className="btn btn--small btn--danger-ghost" onClick={() => void run({ type: 'floor.deny', requestId: r.id, reason: '' })}>
                {t.queue.deny}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
