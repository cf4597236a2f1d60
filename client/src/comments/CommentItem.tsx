import type { Comment, CommentKind } from '@diem-cau/shared';
import { useRef, useState } from 'react';
import { canBeMerged, mergeTargets } from '../domain/commentMerge';
import { formatClockTime } from '../domain/format';
import { pointName } from '../domain/selectors';
import { useLocale } from '../i18n/i18n';
import { useConferenceState, useConnection } from '../state/hooks';
import { ArticlePicker } from '../ui/ArticlePicker';
import { ArticleRefs } from '../ui/ArticleRefs';
import { KindBadge, KindChips } from '../ui/KindChips';
import { ListenAgain } from './ListenAgain';
import { commentElementId, KeptBadge, MergedIntoNote } from './MergeNotes';
import { MergePicker } from './MergePicker';
import { ResponseNote } from './ResponseNote';

type Mode = 'view' | 'edit' | 'retract' | 'merge';

/**
 * One logged comment, with the drafting team's response once there is one. Secretaries may edit
 * or retract it (sent through the offline-safe queue) and fold it into another comment it repeats.
 */
export function CommentItem({ comment: c, editable, pending }: { comment: Comment; editable: boolean; pending?: 'pending' | 'failed' }) {
  const { t, locale } = useLocale();
  const state = useConferenceState();
  const connection = useConnection();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState({ text: c.text, kind: c.kind as CommentKind, articles: c.articles });
  const mergeButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const save = () => {
    if (!draft.text.trim()) return;
    connection.sendReliably({ type: 'comment.edit', commentId: c.id, text: draft.text, kind: draft.kind, articles: draft.articles });
    setMode('view');
  };
  const closeMerge = (merged: boolean) => {
    setMode('view');
    // Merged, the button is gone: keep the keyboard on the comment rather than lose it to the page.
    (merged ? item.current : mergeButton.current)?.focus();
  };
  const live = editable && !c.retracted && !c.mergedInto && !pending;
  const targets = live && canBeMerged(c) ? mergeTargets(state, c) : [];
  const who = [c.delegate?.name, pointName(state, c.pointId)].filter(Boolean).join(' · ');
  const classes = ['comment', c.retracted ? 'comment--retracted' : '', c.mergedInto ? 'comment--merged' : '', pending ? `comment--${pending}` : ''].filter(Boolean).join(' ');
  return (
    <li ref={item} id={commentElementId(c.id)} tabIndex={-1} className={classes} data-testid="comment" data-comment-id={c.id}>
      <div className="comment__meta">
        <KindBadge kind={c.kind} />
        <ArticleRefs refs={c.articles} empty={t.comments.noArticle} />
        {pending === 'pending' ? <span className="badge badge--pending" data-testid="pending">◷ {t.comments.pending}</span> : null}
        {pending === 'failed' ? <span className="badge badge--failed">⚠ {t.comments.failed}</span> : null}
        {c.retracted ? <span className="badge badge--retracted">{t.comments.retracted}</span> : null}
        {c.mergedInto ? <span className="badge badge--merged">⇢ {t.comments.merged}</span> : <KeptBadge comment={c} />}
        <span className="comment__time muted">
          {formatClockTime(c.loggedAt, locale, state.timeZone)}
          {c.editedAt && !c.retracted ? ` · ${t.comments.edited}` : ''}
        </span>
      </div>
      {mode === 'edit' ? (
        <form className="comment__edit" onSubmit={(e) => { e.preventDefault(); save(); }}>
          <ArticlePicker draft={state.draft} value={draft.articles} onChange={(articles) => setDraft({ ...draft, articles })} />
          <KindChips name={`kind-${c.id}`} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
          <textarea className="input" aria-label={t.entry.text} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} rows={3} />
          <div className="row">
            <button type="submit" className="btn btn--primary btn--small">{t.comments.save}</button>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setMode('view')}>{t.comments.cancel}</button>
          </div>
        </form>
      ) : (
        <p className="comment__text">{c.text}</p>
      )}
      {c.mergedInto ? <MergedIntoNote intoId={c.mergedInto} /> : null}
      {c.response ? <ResponseNote response={c.response} /> : null}
      <div className="comment__foot">
        <span className="muted">
          {who ? `${who} · ` : ''}
          {c.source === 'written' ? t.comments.written : t.comments.spoken}
          {c.loggedBy.label ? ` · ${t.comments.by(c.loggedBy.label)}` : ''}
        </span>
        {live && mode !== 'edit' ? (
          <span className="comment__actions">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => { setDraft({ text: c.text, kind: c.kind, articles: c.articles }); setMode('edit'); }}>{t.comments.edit}</button>
            {targets.length > 0 ? (
              <button ref={mergeButton} type="button" className="btn btn--ghost btn--small" aria-expanded={mode === 'merge'} onClick={() => setMode(mode === 'merge' ? 'view' : 'merge')}>{t.comments.mergeInto}</button>
            ) : null}
            {mode === 'retract' ? (
              <>
                <button type="button" className="btn btn--danger btn--small" onClick={() => connection.sendReliably({ type: 'comment.retract', commentId: c.id })}>{t.comments.retract}</button>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setMode('view')}>{t.comments.cancel}</button>
              </>
            ) : (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setMode('retract')}>{t.comments.retract}</button>
            )}
          </span>
        ) : null}
      </div>
      {c.speechId && !pending ? <ListenAgain speechId={c.speechId} /> : null}
      {mode === 'merge' && targets.length > 0 ? <MergePicker duplicate={c} targets={targets} onClose={closeMerge} /> : null}
    </li>
  );
}
