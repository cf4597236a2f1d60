import { formatArticleRef, type Comment } from '@diem-cau/shared';
import { gist } from '../domain/commentMerge';
import { formatClockTime } from '../domain/format';
import { useLocale } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { KindBadge } from '../ui/KindChips';

/**
 * A comment in brief, enough to tell it from its neighbours: kind, articles, written or spoken,
 * time, first words. Phrasing content only, since it sits inside labels.
 */
export function CommentSummary({ comment: c, note }: { comment: Comment; note?: string | undefined }) {
  const { t, locale } = useLocale();
  const { timeZone } = useConferenceState();
  return (
    <span className="comment-summary">
      <span className="comment-summary__meta">
        <KindBadge kind={c.kind} />
        {c.articles.length === 0 ? <span className="muted">{t.comments.noArticle}</span> : null}
        {c.articles.map((r) => <span key={formatArticleRef(r)} className="tag tag--article">{formatArticleRef(r)}</span>)}
        <span className={`tag tag--source tag--${c.source}`}>{c.source === 'written' ? t.comments.written : t.comments.spoken}</span>
        <span className="muted">{formatClockTime(c.loggedAt, locale, timeZone)}</span>
        {note ? <span className="tag tag--note">{note}</span> : null}
      </span>
      <span className="comment-summary__text">“{gist(c.text)}”</span>
    </span>
  );
}
