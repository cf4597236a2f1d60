import { useConnection } from '../state/hooks';
import { useT } from '../i18n/i18n';
import { CommentItem } from './CommentItem';
import type { ShownComment } from './pendingComments';

/** Comments newest first; failed queued ones can be discarded. */
export function CommentList({ items, editable, label }: { items: ShownComment[]; editable: boolean; label: string }) {
  const t = useT();
  const connection = useConnection();
  if (items.length === 0) return <p className="empty">{t.comments.none}</p>;
  return (
    <ol className="comments" aria-label={label} data-testid="comment-list">
      {items.map(({ comment, pending }) => (
        <CommentItem key={comment.id} comment={comment} editable={editable} {...(pending ? { pending } : {})} />
      ))}
      {items.some((i) => i.pending === 'failed') ? (
        <li className="comments__failed">
          {items.filter((i) => i.pending === 'failed').map((i) => (
            <button key={i.comment.id} type="button" className="btn btn--small btn--ghost" onClick={() => connection.outbox.discard(i.comment.id)}>
              {t.comments.discard}: {i.comment.text.slice(0, 30)}
            </button>
          ))}
        </li>
      ) : null}
    </ol>
  );
}
