import { articlesInOrder, type Article, type Draft } from '@diem-cau/shared';
import { createContext, useContext } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';

/** Article numbers missing just before an article (a jump from 4 to 6 puts [5] before 6). */
const GapsContext = createContext<ReadonlyMap<Article, number[]>>(new Map());

export function missingBefore(draft: Draft): Map<Article, number[]> {
  const gaps = new Map<Article, number[]>();
  let previous: number | undefined;
  for (const { article } of articlesInOrder(draft)) {
    const from = previous;
    if (from !== undefined && article.number > from + 1) {
      gaps.set(article, Array.from({ length: Math.min(article.number - from - 1, 20) }, (_, i) => from + 1 + i));
    }
    previous = article.number;
  }
  return gaps;
}

function ArticleRow({ article }: { article: Article }) {
  const t = useOrganiserT();
  const missing = useContext(GapsContext).get(article);
  const n = article.clauses.length;
  return (
    <>
      {missing ? <li className="dtree__missing" data-testid="tree-missing"><span aria-hidden="true">⚠ </span>{t.draft.missing(missing.map((x) => t.draft.article(x)).join(', '))}</li> : null}
      <ArticleLine article={article} clauses={n} />
    </>
  );
}

function ArticleLine({ article, clauses: n }: { article: Article; clauses: number }) {
  const t = useOrganiserT();
  const alternatives = (article.alternatives?.length ?? 0) + article.clauses.reduce((m, c) => m + (c.alternatives?.length ?? 0), 0);
  return (
    <li className="dtree__article" data-testid="tree-article">
      <span className="dtree__label">{t.draft.article(article.number)}.</span> {article.title || <em className="muted">{t.draft.untitled}</em>}
      <span className="dtree__count">{n > 0 ? t.draft.clauses(n, article.clauses.reduce((m, c) => m + c.items.length, 0)) : t.draft.noClauses}</span>
      {alternatives > 0 ? <span className="dtree__count" data-testid="tree-alternatives">{t.draft.altCount(alternatives)}</span> : null}
    </li>
  );
}

/** Chapters → (sections →) articles with their clause counts: what the conference will discuss. */
export function DraftTree({ draft }: { draft: Draft }) {
  const t = useOrganiserT();
  return (
    <GapsContext.Provider value={missingBefore(draft)}>
      <div className="dtree" data-testid="draft-tree">
        {draft.articles.length > 0 ? (
          <section>
            {draft.chapters.length > 0 ? <h4 className="dtree__chapter">{t.draft.loose}</h4> : null}
            <ul>{draft.articles.map((a, k) => <ArticleRow key={`${a.number}-${k}`} article={a} />)}</ul>
          </section>
        ) : null}
        {draft.chapters.map((c, i) => (
          <section key={`${c.number}-${i}`} className="dtree__group">
            {c.part && (i === 0 || draft.chapters[i - 1]?.part?.number !== c.part.number) ? (
              <p className="dtree__part">Phần {c.part.number}{c.part.title ? `. ${c.part.title}` : ''}</p>
            ) : null}
            <h4 className="dtree__chapter" data-testid="tree-chapter">
              {t.draft.chapter(c.number)}{c.title ? `. ${c.title}` : ''}
            </h4>
            <ul>{c.articles.map((a, k) => <ArticleRow key={`${a.number}-${k}`} article={a} />)}</ul>
            {c.sections.map((s, j) => (
              <div key={`${s.number}-${j}`} className="dtree__section">
                <h5 className="dtree__section-title">{t.draft.section(s.number)}{s.title ? `. ${s.title}` : ''}</h5>
                <ul>{s.articles.map((a, k) => <ArticleRow key={`${a.number}-${k}`} article={a} />)}</ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </GapsContext.Provider>
  );
}
