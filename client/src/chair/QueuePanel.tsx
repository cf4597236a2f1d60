import { formatArticleRef } from '@diem-cau/shared';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { dropIndex, keyMoveIndex, queueKeyOf, type QueueKey } from '../domain/queueMoves';
import { articlesInQueue, pointName, queuedRequests } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';
import { PendingRequests } from './PendingRequests';
import { QueueRow, type DropSide } from './QueueRow';

/** The speaking queue in the chair's order: grant, deny, reorder by drag and drop or keyboard. */
export function QueuePanel() {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const rows = queuedRequests(state);
  const [article, setArticle] = useState<number | undefined>();
  const spoken = articlesInQueue(rows);
  // A filter on an article nobody in the queue names any more shows the whole queue again.
  const filter = article !== undefined && spoken.some((a) => a.article === article) ? article : undefined;
  const shown = rows.map((r, i) => ({ r, position: i + 1 })).filter(({ r }) => filter === undefined || r.articles.some((a) => a.article === filter));
  const [dragged, setDragged] = useState<string | undefined>();
  const [drop, setDrop] = useState<{ id: string; side: DropSide } | undefined>();
  const [announce, setAnnounce] = useState('');
  const focusAfterMove = useRef<string | undefined>(undefined);

  useEffect(() => {
    // A keyed row moved by React can lose focus; give it back to the handle that was used.
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = undefined;
    Array.from(document.querySelectorAll<HTMLElement>('[data-handle]')).find((el) => el.dataset.handle === id)?.focus();
  }, [state.queue]);

  const reorder = (id: string, toIndex: number | undefined) => {
    if (toIndex === undefined) return;
    const r = state.requests.get(id);
    if (r) setAnnounce(t.queue.moved(`${r.delegate.name}, ${pointName(state, r.pointId)}`, toIndex + 1));
    void run({ type: 'floor.reorder', requestId: id, toIndex });
  };
  const move = (id: string, key: QueueKey) => reorder(id, keyMoveIndex(state.queue, id, key));
  const onHandleKey = (id: string) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const key = queueKeyOf(e);
    if (!key) return;
    e.preventDefault();
    focusAfterMove.current = id;
    move(id, key);
  };
  const dragFor = (id: string) => ({
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', id);
      setDragged(id);
    },
    onDragOver: (e: DragEvent) => {
      if (!dragged || dragged === id) return;
      e.preventDefault();
      const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
      setDrop({ id, side: e.clientY < box.top + box.height / 2 ? 'before' : 'after' });
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const source = dragged ?? e.dataTransfer.getData('text/plain');
      const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
      const side = drop?.id === id ? drop.side : e.clientY < box.top + box.height / 2 ? 'before' : 'after';
      if (source) reorder(source, dropIndex(state.queue, source, id, side));
      setDragged(undefined);
      setDrop(undefined);
    },
    onDragEnd: () => {
      setDragged(undefined);
      setDrop(undefined);
    },
  });

  return (
    <Panel id="queue" title={t.queue.title} className="panel--queue" actions={<span className="chip">{t.queue.count(rows.length)}</span>}>
      <PendingRequests />
      {rows.length === 0 ? <p className="empty">{t.queue.empty}</p> : <p className="hint">{t.queue.reorderHelp}</p>}
      {spoken.length > 0 ? (
        <div className="queue__filter">
          <label className="field field--inline">
            <span className="field__label">{t.queue.filter}</span>
            <select className="input" value={filter ?? ''} onChange={(e) => setArticle(e.target.value === '' ? undefined : Number(e.target.value))} data-testid="queue-filter">
              <option value="">{t.queue.filterAll}</option>
              {spoken.map((a) => <option key={a.article} value={a.article}>{t.queue.filterOption(formatArticleRef({ article: a.article }), a.count)}</option>)}
            </select>
          </label>
          {filter !== undefined ? <p className="muted" role="status" data-testid="queue-filtered">{t.queue.filtered(shown.length, rows.length, formatArticleRef({ article: filter }))}</p> : null}
        </div>
      ) : null}
      <ol className="queue" aria-label={t.queue.title} data-testid="queue">
        {shown.map(({ r, position }) => (
          <QueueRow
            key={r.id} request={r} position={position} last={position === rows.length} dropSide={drop?.id === r.id ? drop.side : undefined}
            onGrant={() => void run({ type: 'floor.grant', requestId: r.id })}
            onDeny={(reason) => void run({ type: 'floor.deny', requestId: r.id, reason })}
            onMove={(key) => move(r.id, key)} onHandleKey={onHandleKey(r.id)} drag={dragFor(r.id)}
          />
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">{announce}</p>
      <ErrorNote message={error} />
    </Panel>
  );
}
