import { articlesInOrder, formatArticleRef } from '@diem-cau/shared';
import { useState } from 'react';
import { useSession } from '../app/sessionContext';
import { CommentList } from '../comments/CommentList';
import { withPending } from '../comments/pendingComments';
import { countsAsLive } from '../domain/commentStats';
import { useT } from '../i18n/i18n';
import { useConnectionSnapshot } from '../state/hooks';
import { Panel } from '../ui/Panel';

/** Every comment of the conference, newest first, other secretaries' included; filter by article. */
export function CommentFeed() {
  const t = useT();
  const { session } = useSession();
  const { state, outbox } = useConnectionSnapshot();
  const [article, setArticle] = useState<number | undefined>();
  if (!state) return null;
  // A comment still on this device is shown as the hub will stamp it: with the name given to the session (C12).
  const all = withPending(state, outbox, session.name ?? session.label);
  const shown = article === undefined ? all : all.filter((c) => c.comment.articles.some((a) => a.article === article));
  const waiting = all.filter((c) => c.pending === 'pending').length;
  const live = all.filter((c) => !c.pending && countsAsLive(c.comment)).length;
  const filter = (
    <>
      {waiting > 0 ? <span className="badge badge--pending" data-testid="waiting-count">◷ {t.comments.pending}: {waiting}</span> : null}
      <span className="chip" data-testid="comment-count">{t.comments.count(live)}</span>
      <label className="inline-field">
        <span className="sr-only">{t.comments.filterArticle}</span>
        <select className="input input--small" value={article ?? ''} onChange={(e) => setArticle(e.target.value ? Number(e.target.value) : undefined)} aria-label={t.comments.filterArticle}>
          <option value="">{t.comments.filterAll}</option>
          {articlesInOrder(state.draft).map((p) => <option key={p.article.number} value={p.article.number}>{formatArticleRef({ article: p.article.number })}. {p.article.title}</option>)}
        </select>
      </label>
    </>
  );
  return (
    <Panel id="feed" title={`${t.comments.title} · ${t.comments.newest}`} actions={filter} className="panel--feed">
      <CommentList items={shown} editable label={t.comments.title} />
    </Panel>
  );
}
