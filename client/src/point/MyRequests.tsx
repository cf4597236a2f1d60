import { openRequestsOf } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { PriorityBadge } from '../ui/PriorityBadge';
import { useCommand } from '../ui/useCommand';

/** This point's open requests, each with its live place in the queue, and withdrawing. */
export function MyRequests({ pointId }: { pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const mine = openRequestsOf(state, pointId);
  return (
    <Panel id="my-requests" title={t.request.mine}>
      {mine.length === 0 ? <p className="empty">{t.request.noneMine}</p> : null}
      <ul className="mine" data-testid="my-requests">
        {mine.map(({ request: r, place }) => (
          <li key={r.id} className="mine__item" data-testid="my-request">
            <p className="mine__place" data-testid="queue-place">
              {place !== undefined ? t.request.place(place, state.queue.length) : t.request.awaiting}
            </p>
            <p>
              <PriorityBadge priority={r.priority} /> <strong>{r.delegate.name}</strong>
              {r.topic ? <span className="muted"> · {r.topic}</span> : null}
            </p>
            <ArticleRefs refs={r.articles} />
            <ConfirmButton
              className="btn btn--small btn--danger-ghost" label={t.request.withdraw} question={t.request.withdrawConfirm}
              confirmLabel={t.request.confirmWithdraw} cancelLabel={t.request.keep} onConfirm={() => void run({ type: 'floor.withdraw', requestId: r.id })}
            />
          </li>
        ))}
      </ul>
      <ErrorNote message={error} />
    </Panel>
  );
}
