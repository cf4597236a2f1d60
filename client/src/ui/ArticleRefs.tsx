import { formatArticleRef, type ArticleRef } from '@diem-cau/shared';
import { articleTitle } from '../domain/selectors';
import { useConferenceState } from '../state/hooks';

/** Article references as small tags; with `titled`, the article's title is spelled out too. */
export function ArticleRefs({ refs, titled = false, empty }: { refs: readonly ArticleRef[]; titled?: boolean; empty?: string }) {
  const state = useConferenceState();
  if (refs.length === 0) return empty ? <span className="muted">{empty}</span> : null;
  return (
    <ul className="refs">
      {refs.map((r) => {
        const label = formatArticleRef(r);
        return (
          <li key={label} className="refs__item">
            <span className="tag tag--article">{label}</span>
            {titled ? <span className="refs__title">{articleTitle(state, r.article)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
