import { articlesInOrder, type Article, type Clause, type Draft } from '../draft';
import type { ClausePlace } from './alignmentTypes';
import { featureSet, type Vocabulary } from './textFeatures';

/** The text a clause says: its own and its points'. */
export function clauseText(clause: Clause): string {
  return [clause.text, ...clause.items.map((item) => item.text)].join('\n');
}

/** An article's body without its title: the intro and every clause. */
export function articleText(article: Article): string {
  return [article.intro, ...article.clauses.map(clauseText)].join('\n');
}

export interface ClauseUnits {
  places: ClausePlace[];
  texts: string[];
  features: Int32Array[];
  /** Clause indices of each article, by the article's index in draft order. */
  ofArticle: number[][];
}

export interface DraftUnits {
  articles: Article[];
  text: Int32Array[];
  title: Int32Array[];
  clauses: ClauseUnits;
}

/**
 * The features of every article (body and title) and clause of a draft. Each clause is read once:
 * an article's body features are its intro's and its clauses' (pairs across a clause boundary left out).
 */
export function draftUnits(draft: Draft, vocabulary: Vocabulary): DraftUnits {
  const articles = articlesInOrder(draft).map((place) => place.article);
  const clauses: ClauseUnits = { places: [], texts: [], features: [], ofArticle: [] };
  const text = articles.map((article) => {
    const ids = vocabulary.idsOf(article.intro);
    const own: number[] = [];
    for (const clause of article.clauses) {
      const words = clauseText(clause);
      const clauseIds = vocabulary.idsOf(words);
      own.push(clauses.places.length);
      clauses.places.push({ article: article.number, clause: clause.number });
      clauses.texts.push(words);
      clauses.features.push(featureSet(clauseIds));
      for (const id of clauseIds) ids.push(id);
    }
    clauses.ofArticle.push(own);
    return featureSet(ids);
  });
  return { articles, text, title: articles.map((a) => vocabulary.featuresOf(a.title)), clauses };
}
