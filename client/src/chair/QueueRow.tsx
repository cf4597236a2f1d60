import type { FloorRequest } from '@diem-cau/shared';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { RequestBudget } from '../budget/RequestBudget';
import { formatDuration } from '../domain/format';
import { pointName } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { ArticleRefs } from '../ui/ArticleRefs';
import { PriorityBadge } from '../ui/PriorityBadge';
import { useConferenceState, useServerTime } from '../state/hooks';

export type DropSide = 'before' | 'after';

interface Props {
  request: FloorRequest;
  position: number;
  last: boolean;
  dropSide: DropSide | undefined;
  onGrant(): void;
  onDeny(reason: string): void;
  onMove(key: 'up' | 'down' | 'top' | 'bottom'): void;
  onHandleKey(e: KeyboardEvent<HTMLButtonElement>): void;
  drag: { onDragStart(e: DragEvent): void; onDragOver(e: DragEvent): void; onDrop(e: DragEvent): void; onDragEnd(): void };
}

function WaitingTime({ since }: { since: number }) {
  return <>{useServerTime((now) => formatDuration(now - since))}</>;
}

/** One request in the chair's queue: who, what about, how long waiting, and what the chair can do. */
export function QueueRow({ request: r, position, last, dropSide, onGrant, onDeny, onMove, onHandleKey, drag }: Props) {
  const t = useT();
  const state = useConferenceState();
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const who = `${r.delegate.name}, ${pointName(state, r.pointId)}`;
  return (
    <li
      className={`qrow qrow--${r.priority}${dropSide ? ` qrow--drop-${dropSide}` : ''}`}
      draggable data-request-id={r.id} data-testid="queue-row"
      onDragStart={drag.onDragStart} onDragOver={drag.onDragOver} onDrop={drag.onDrop} onDragEnd={drag.onDragEnd}
    >
      <button type="button" className="qrow__handle" data-handle={r.id} aria-label={t.queue.handle(position, who)} onKeyDown={onHandleKey}>
        <span className="qrow__pos">{position}</span>
        <span aria-hidden="true" className="qrow__grip">⠿</span>
      </button>
      <div className="qrow__body">
        <p className="qrow__who">
          <PriorityBadge priority={r.priority} />
          <strong className="qrow__point">{pointName(state, r.pointId)}</strong>
          <span className="qrow__delegate">
            {r.delegate.name}
            {r.delegate.position ? <span className="muted"> · {r.delegate.position}</span> : null}
          </span>
        </p>
        <div className="qrow__about">
          <ArticleRefs refs={r.articles} />
          {r.topic ? <span className="qrow__topic">{r.topic}</span> : null}
          {r.onBehalf ? <span className="muted">{t.queue.onBehalf}</span> : null}
          <RequestBudget pointId={r.pointId} pointName={pointName(state, r.pointId)} />
        </div>
      </div>
      <p className="qrow__wait" title={t.queue.waiting}>
        <span className="sr-only">{t.queue.waiting} </span>
        <span aria-hidden="true">◷ </span>
        <WaitingTime since={r.filedAt} />
      </p>
      <div className="qrow__actions">
        <button type="button" className="btn btn--primary btn--small" onClick={onGrant}>
          {t.queue.grant}
        </button>
        <button type="button" className="btn btn--small" onClick={() => onMove('top')} disabled={position === 1}>
          {t.queue.top}
        </button>
        <button type="button" className="btn btn--small btn--icon" onClick={() => onMove('up')} disabled={position === 1} aria-label={`${t.queue.up}: ${who}`}>
          ↑
        </button>
        <button type="button" className="btn btn--small btn--icon" onClick={() => onMove('down')} disabled={last} aria-label={`${t.queue.down}: ${who}`}>
          ↓
        </button>
        <button type="button" className="btn btn--small btn--danger-ghost" onClick={() => setDenying((d) => !d)} aria-expanded={denying}>
          {t.queue.deny}
        </button>
      </div>
      {denying ? (
        <form className="qrow__deny" onSubmit={(e) => { e.preventDefault(); onDeny(reason); }}>
          <label className="sr-only" htmlFor={`deny-${r.id}`}>{t.queue.denyReason}</label>
          <input id={`deny-${r.id}`} className="input" placeholder={t.queue.denyReason} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          <button type="submit" className="btn btn--danger btn--small">{t.queue.confirmDeny}</button>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setDenying(false)}>{t.queue.cancel}</button>
        </form>
      ) : null}
    </li>
  );
}
