import { formatArticleRef } from '@diem-cau/shared';
import { useState } from 'react';
import { CommentSummary } from '../comments/CommentSummary';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';

export interface DuplicateSuggestion {
  /** The spoken comment just logged (its commandId). */
  spokenId: string;
  /** The point's written comment it probably repeats, to keep. */
  writtenId: string;
  articles: number[];
}

/**
 * Shown under the entry after a spoken comment that a point's written comment may already say:
 * never in the way of the next comment, one click to fold the spoken one into the written one.
 * The button waits until the spoken comment has reached the hub (it may sit in the outbox).
 */
export function DuplicateHint({ suggestion, onDismiss }: { suggestion: DuplicateSuggestion; onDismiss: () => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const [merged, setMerged] = useState(false);
  const spoken = state.comments.get(suggestion.spokenId);
  const written = state.comments.get(suggestion.writtenId);
  if (merged) return <p className="ok-note dup-hint__done" role="status">{t.duplicate.done}</p>;
  // Merged or retracted meanwhile (by hand, or by another secretary): nothing left to suggest.
  if (!written || written.retracted || written.mergedInto || spoken?.retracted || spoken?.mergedInto) return null;
  const merge = async () => {
    if (await run({ type: 'comment.merge', commentId: suggestion.spokenId, intoId: suggestion.writtenId })) setMerged(true);
  };
  const articles = suggestion.articles.map((article) => formatArticleRef({ article })).join(', ');
  return (
    <div className="dup-hint" data-testid="duplicate-hint">
      <p className="dup-hint__question" role="status">
        <span aria-hidden="true">⇄ </span>
        {t.duplicate.question(articles)}
      </p>
      <p className="dup-hint__written"><CommentSummary comment={written} /></p>
      <div className="row">
        <button type="button" className="btn btn--primary btn--small" disabled={!spoken || busy} onClick={() => void merge()}>{t.duplicate.merge}</button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>{t.duplicate.dismiss}</button>
        {!spoken ? <span className="hint">{t.duplicate.waiting}</span> : null}
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
