import type { Alternative, Article, Draft } from '@diem-cau/shared';

/** The draft with one article's (clause 0) or clause's alternatives replaced: empty texts dropped, numbered 1, 2, 3…. */
export function withAlternatives(draft: Draft, articleNumber: number, clause: number, texts: readonly string[]): Draft {
  const alternatives: Alternative[] = texts.map((t) => t.trim().normalize('NFC')).filter((t) => t !== '').map((text, i) => ({ number: i + 1, text }));
  const set = <T extends { alternatives?: Alternative[] }>(owner: T): T => {
    const { alternatives: _old, ...rest } = owner;
    return (alternatives.length > 0 ? { ...rest, alternatives } : rest) as T;
  };
  const edit = (article: Article): Article => {
    if (article.number !== articleNumber) return article;
    if (clause === 0) return set(article);
    return { ...article, clauses: article.clauses.map((c) => (c.number === clause ? set(c) : c)) };
  };
  return {
    ...draft,
    articles: draft.articles.map(edit),
    chapters: draft.chapters.map((ch) => ({ ...ch, articles: ch.articles.map(edit), sections: ch.sections.map((s) => ({ ...s, articles: s.articles.map(edit) })) })),
  };
}

/**
 * How many clauses whole-article alternatives would swallow: the text is read again (P20) and an article's
 * alternative takes every clause after it as its own text, so on an article with clauses they would be lost.
 */
export function clausesSwallowed(draft: Draft, articleNumber: number, clause: number): number {
  if (clause !== 0) return 0;
  const places = [...draft.articles, ...draft.chapters.flatMap((ch) => [...ch.articles, ...ch.sections.flatMap((s) => s.articles)])];
  return places.find((a) => a.number === articleNumber)?.clauses.length ?? 0;
}
