import type { Comment } from '@diem-cau/shared';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n/i18n';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';
import { CommentSummary } from './CommentSummary';

interface Props {
  duplicate: Comment;
  /** The comments it may go into, best first (mergeTargets). */
  targets: readonly Comment[];
  /** Closed: merged, cancelled or Escape. */
  onClose: (merged: boolean) => void;
}

/**
 * Picks the comment to keep for a duplicate: radio buttons (arrow keys move, Enter or the button
 * merges, Escape closes), the likeliest one chosen already. A merge cannot be undone, so it is
 * sent directly and a refusal (another secretary merged first, the organisers answered) is shown.
 */
export function MergePicker({ duplicate, targets, onClose }: Props) {
  const t = useT();
  const { run, error, busy } = useCommand();
  const [intoId, setIntoId] = useState(targets[0]?.id);
  const chosen = useRef<HTMLInputElement>(null);
  const titleId = useId();
  useEffect(() => chosen.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!intoId || busy) return;
    if (await run({ type: 'comment.merge', commentId: duplicate.id, intoId })) onClose(true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose(false);
  };
  const shares = (c: Comment) => c.articles.some((a) => duplicate.articles.some((d) => d.article === a.article));
  return (
    <form className="merge-picker" onSubmit={(e) => void submit(e)} onKeyDown={onKey} aria-labelledby={titleId} data-testid="merge-picker">
      <fieldset className="merge-picker__set">
        <legend id={titleId} className="merge-picker__title">{t.comments.mergeTitle}</legend>
        <p className="hint">{t.comments.mergeHelp}</p>
        <ul className="merge-picker__list">
          {targets.map((c) => (
            <li key={c.id}>
              <label className="merge-option" data-testid="merge-option">
                <input ref={c.id === intoId ? chosen : undefined} type="radio" name={`merge-${duplicate.id}`} value={c.id} checked={c.id === intoId} onChange={() => setIntoId(c.id)} />
                <CommentSummary comment={c} note={shares(c) ? t.comments.sameArticle : undefined} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="row">
        <button type="submit" className="btn btn--primary btn--small" disabled={!intoId || busy}>{t.comments.mergeConfirm}</button>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => onClose(false)}>{t.comments.cancel}</button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
