import { articleTime, formatArticleRef } from '@diem-cau/shared';
import { formatDuration } from '../domain/format';
import { articleTitle } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState, useServerTime } from '../state/hooks';

/** TB9, live: how the item's spoken time spreads over the articles; the ones nobody spoke on are named. */
export function ArticleSpread({ itemId }: { itemId: string }) {
  const t = useT();
  const state = useConferenceState();
  // A tick only re-renders when the text changes: the spread is encoded as one string.
  const encoded = useServerTime((now) => JSON.stringify(articleTime(state, itemId, now)));
  const spread = JSON.parse(encoded) as ReturnType<typeof articleTime>;
  const most = Math.max(1, ...spread.articles.map((a) => a.ms));
  if (spread.articles.length === 0 && spread.unnamedMs === 0) return null;
  return (
    <div className="article-spread" data-testid="article-spread">
      <h3 className="subhead">{t.budget.articles}</h3>
      <ul className="article-spread__list">
        {spread.articles.map((a) => (
          <li key={a.article} className={a.speeches === 0 ? 'article-spread__row article-spread__row--silent' : 'article-spread__row'} title={articleTitle(state, a.article)}>
            <span className="article-spread__name">{formatArticleRef({ article: a.article })}</span>
            <span className="article-spread__bar" aria-hidden="true"><span style={{ width: `${(100 * a.ms) / most}%` }} /></span>
            <span className="article-spread__time">{formatDuration(a.ms)}</span>
          </li>
        ))}
        {spread.unnamedMs > 0 ? (
          <li className="article-spread__row"><span className="article-spread__name muted">{t.budget.unnamed}</span><span /><span className="article-spread__time">{formatDuration(spread.unnamedMs)}</span></li>
        ) : null}
      </ul>
      {spread.silent.length > 0 ? <p className="muted" data-testid="silent-articles">{t.budget.silent(spread.silent.map((n) => formatArticleRef({ article: n })).join(', '))}</p> : null}
    </div>
  );
}
