import type { Comment, CommentKind } from '@diem-cau/shared';
import { useState } from 'react';
import { formatClockTime } from '../domain/format';
import { pointName } from '../domain/selectors';
import { useLocale } from '../i18n/i18n';
import { useConferenceState, useConnection } from '../state/hooks';
import { ArticlePicker } from '../ui/ArticlePicker';
import { ArticleRefs } from '../ui/ArticleRefs';
import { KindBadge, KindChips } from '../ui/KindChips';

/** One logged comment; secretaries may edit or retract it (sent through the offline-safe queue). */
export function CommentItem({ comment: c, editable, pending }: { comment: Comment; editable: boolean; pending?: 'pending' | 'failed' }) {
  const { t, locale } = useLocale();
  const state = useConferenceState();
  const connection = useConnection();
  const [editing, setEditing] = useState(false);
  const [retracting, setRetracting] = useState(false);
  const [draft, setDraft] = useState({ text: c.text, kind: c.kind as CommentKind, articles: c.articles });
  const save = () => {
    if (!draft.text.trim()) return;
    connection.sendReliably({ type: 'comment.edit', commentId: c.id, text: draft.text, kind: draft.kind, articles: draft.articles });
    setEditing(false);
  };
  const who = [c.delegate?.name, pointName(state, c.pointId)].filter(Boolean).join(' · ');
  return (
    <li className={`comment${c.retracted ? ' comment--retracted' : ''}${pending ? ` comment--${pending}` : ''}`} data-testid="comment" data-comment-id={c.id}>
      <div className="comment__meta">
        <KindBadge kind={c.kind} />
        <ArticleRefs refs={c.articles} empty={t.comments.noArticle} />
        {pending === 'pending' ? <span className="badge badge--pending" data-testid="pending">◷ {t.comments.pending}</span> : null}
        {pending === 'failed' ? <span className="badge badge--failed">⚠ {t.comments.failed}</span> : null}
        {c.retracted ? <span className="badge badge--retracted">{t.comments.retracted}</span> : null}
        {c.mergedInto ? <span className="badge badge--merged">⇢ {t.comments.merged}</span> : null}
        <span className="comment__time muted">
          {formatClockTime(c.loggedAt, locale)}
          {c.editedAt && !c.retracted ? ` · ${t.comments.edited}` : ''}
        </span>
      </div>
      {editing ? (
        <form className="comment__edit" onSubmit={(e) => { e.preventDefault(); save(); }}>
          <ArticlePicker draft={state.draft} value={draft.articles} onChange={(articles) => setDraft({ ...draft, articles })} />
          <KindChips name={`kind-${c.id}`} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
          <textarea className="input" aria-label={t.entry.text} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} rows={3} />
          <div className="row">
            <button type="submit" className="btn btn--primary btn--small">{t.comments.save}</button>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(false)}>{t.comments.cancel}</button>
          </div>
        </form>
      ) : (
        <p className="comment__text">{c.text}</p>
      )}
      <div className="comment__foot">
        <span className="muted">
          {who ? `${who} · ` : ''}
          {c.source === 'written' ? t.comments.written : t.comments.spoken}
          {c.loggedBy.label ? ` · ${t.comments.by(c.loggedBy.label)}` : ''}
        </span>
        {editable && !c.retracted && !c.mergedInto && !pending && !editing ? (
          <span className="comment__actions">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => { setDraft({ text: c.text, kind: c.kind, articles: c.articles }); setEditing(true); }}>{t.comments.edit}</button>
            {retracting ? (
              <>
                <button type="button" className="btn btn--danger btn--small" onClick={() => connection.sendReliably({ type: 'comment.retract', commentId: c.id })}>{t.comments.retract}</button>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setRetracting(false)}>{t.comments.cancel}</button>
              </>
            ) : (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setRetracting(true)}>{t.comments.retract}</button>
            )}
          </span>
        ) : null}
      </div>
    </li>
  );
}
