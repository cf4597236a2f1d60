import { articlesInOrder, type Article, type Clause, type Draft } from '../draft';
import type { ClausePlace } from './alignmentTypes';
import type { Vocabulary } from './textFeatures';

/** The text a clause says: its own and its points'. */
export function clauseText(clause: Clause): string {
  return [clause.text, ...clause.items.map((item) => item.text)].join('\n');
}

/** An article's body without its title: the intro and every clause. */
export function articleText(article: Article): string {
  return [article.intro, ...article.clauses.map(clauseText)].join('\n');
}

export interface ArticleUnits {
  articles: Article[];
  text: Int32Array[];
  title: Int32Array[];
}

export function articleUnits(draft: Draft, vocabulary: Vocabulary): ArticleUnits {
  const articles = articlesInOrder(draft).map((place) => place.article);
  return {
    articles,
    text: articles.map((a) => vocabulary.featuresOf(articleText(a))),
    title: articles.map((a) => vocabulary.featuresOf(a.title)),
  };
}

export interface ClauseUnits {
  places: ClausePlace[];
  texts: string[];
  features: Int32Array[];
  /** Clause indices of each article, by the article's index in draft order. */
  ofArticle: number[][];
}

export function clauseUnits(articles: readonly Article[], vocabulary: Vocabulary): ClauseUnits {
  const units: ClauseUnits = { places: [], texts: [], features: [], ofArticle: [] };
  for (const article of articles) {
    const own: number[] = [];
    for (const clause of article.clauses) {
      own.push(units.places.length);
      const text = clauseText(clause);
      units.places.push({ article: article.number, clause: clause.number });
      units.texts.push(text);
      units.features.push(vocabulary.featuresOf(text));
    }
    units.ofArticle.push(own);
  }
  return units;
}
