import type { Draft } from '../draft';
import { alignClauses } from './alignClauses';
import type { ArticleCorrespondence, DraftAlignment } from './alignmentTypes';
import { articleText, draftUnits, type DraftUnits } from './draftUnits';
import { correspondencesOf } from './groupLinks';
import { matchUnits } from './matchUnits';
import { diceOf, overlapOf } from './overlap';
import { pairScore, type MatchProblem } from './pairScores';
import { inverseFrequencies, Vocabulary } from './textFeatures';

function articleProblem(before: DraftUnits, after: DraftUnits, vocabulary: Vocabulary): MatchProblem {
  const textIdf = inverseFrequencies([...before.text, ...after.text], vocabulary.size);
  const titleIdf = inverseFrequencies([...before.title, ...after.title], vocabulary.size);
  return {
    text: overlapOf(before.text, after.text, textIdf),
    title: overlapOf(before.title, after.title, titleIdf),
    sameNumber: (i, j) => before.articles[i]?.number === after.articles[j]?.number,
  };
}

function alignArticles(before: DraftUnits, after: DraftUnits, problem: MatchProblem): ArticleCorrespondence[] {
  const links = matchUnits(problem);
  const row = (i: number) => Math.max(0, ...after.articles.map((_, j) => pairScore(problem, i, j)));
  const column = (j: number) => Math.max(0, ...before.articles.map((_, i) => pairScore(problem, i, j)));
  return correspondencesOf(links, {
    beforeKeys: before.articles.map((a) => a.number),
    afterKeys: after.articles.map((a) => a.number),
    sameKey: (a, b) => a === b,
    sameText: (i, j) => {
      const a = before.articles[i];
      const b = after.articles[j];
      return a !== undefined && b !== undefined && a.title === b.title && articleText(a) === articleText(b);
    },
    similarity: (i, j) => ({ text: diceOf(problem.text, i, j), title: problem.title ? diceOf(problem.title, i, j) : 0 }),
    bestScoreBefore: row,
    bestScoreAfter: column,
  });
}

/**
 * Proposes how the articles and clauses of `before` (the draft the comments refer to) map onto
 * `after` (its revision): by text, title and number, with moved, split, merged, new and deleted
 * units. Pure and deterministic.
 */
export function alignDrafts(before: Draft, after: Draft): DraftAlignment {
  const vocabulary = new Vocabulary();
  const beforeUnits = draftUnits(before, vocabulary);
  const afterUnits = draftUnits(after, vocabulary);
  const articles = alignArticles(beforeUnits, afterUnits, articleProblem(beforeUnits, afterUnits, vocabulary));
  const indexOf = (units: DraftUnits) => new Map(units.articles.map((a, k) => [a.number, k]));
  const beforeIndex = indexOf(beforeUnits);
  const afterIndex = indexOf(afterUnits);
  const pairings = articles
    .filter((c) => c.before.length > 0 && c.after.length > 0)
    .map((c) => ({ before: c.before.map((n) => beforeIndex.get(n) ?? -1), after: c.after.map((n) => afterIndex.get(n) ?? -1) }));
  return { articles, clauses: alignClauses(beforeUnits.clauses, afterUnits.clauses, pairings, vocabulary.size) };
}
