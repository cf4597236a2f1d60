import type { Article, Draft, Item } from '../../draft';
import type { ClausePlace } from '../alignmentTypes';

/** A clause being revised, with the clauses of the original draft it came from. */
export interface WorkClause {
  text: string;
  items: Item[];
  origins: ClausePlace[];
}

/** An article being revised: its container in the tree, and the original articles it came from. */
export interface WorkArticle {
  title: string;
  intro: string;
  clauses: WorkClause[];
  origins: number[];
  container: number;
  /** Touched by a structural revision (moved, split, merged, inserted): not chosen for another. */
  touched: boolean;
}

/** The true mapping a revision made, as links between the two drafts' units. */
export interface RevisionTruth {
  articles: Array<{ before: number; after: number }>;
  clauses: Array<{ before: ClausePlace; after: ClausePlace }>;
}

/** Article lists of the tree in draft order: the draft's own, then each chapter's, then each section's. */
function containersOf(draft: Draft): Article[][] {
  return [draft.articles, ...draft.chapters.flatMap((c) => [c.articles, ...c.sections.map((s) => s.articles)])];
}

export function toWork(draft: Draft): WorkArticle[] {
  return containersOf(draft).flatMap((articles, container) =>
    articles.map((a) => ({
      title: a.title,
      intro: a.intro,
      clauses: a.clauses.map((c) => ({ text: c.text, items: c.items.map((i) => ({ ...i })), origins: [{ article: a.number, clause: c.number }] })),
      origins: [a.number],
      container,
      touched: false,
    })),
  );
}

function emptyTree(draft: Draft): Draft {
  return {
    title: draft.title,
    articles: [],
    chapters: draft.chapters.map((c) => ({ ...c, articles: [], sections: c.sections.map((s) => ({ ...s, articles: [] })) })),
  };
}

/** Puts the revised articles back in the tree, numbered 1, 2, 3… and their clauses too, as a drafting team does. */
export function fromWork(original: Draft, work: readonly WorkArticle[]): { draft: Draft; truth: RevisionTruth } {
  const draft = emptyTree(original);
  const containers = containersOf(draft);
  const truth: RevisionTruth = { articles: [], clauses: [] };
  // Stable: a move or insertion took its neighbour's container, so this only guards the tree's order.
  [...work].sort((a, b) => a.container - b.container).forEach((w, k) => {
    const number = k + 1;
    const clauses = w.clauses.map((c, n) => ({ number: n + 1, text: c.text, items: c.items }));
    containers[w.container]?.push({ number, title: w.title, intro: w.intro, clauses });
    for (const before of w.origins) truth.articles.push({ before, after: number });
    w.clauses.forEach((c, n) => {
      for (const before of c.origins) truth.clauses.push({ before, after: { article: number, clause: n + 1 } });
    });
  });
  return { draft, truth };
}
