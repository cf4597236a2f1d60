import type { Article, Draft } from '../../draft';
import { deleteArticle, insertArticle, mergeArticles, moveArticle, rewordArticle, splitArticle, type Revision } from './articleRevisions';
import { deleteClause, insertClause, mergeClauses, moveClause, rewordClause, splitClause } from './clauseRevisions';
import { SeededRandom } from './seededRandom';
import { fromWork, toWork, type RevisionTruth } from './workingDraft';

export const REVISIONS = {
  insertArticle, deleteArticle, moveArticle, splitArticle, mergeArticles, rewordArticle,
  insertClause, deleteClause, moveClause, splitClause, mergeClauses, rewordClause,
} as const satisfies Record<string, Revision>;
export type RevisionKind = keyof typeof REVISIONS;

/** How often each revision happens between two rounds of a draft: rewording most, restructuring less. */
const DEFAULT_MIX: Record<RevisionKind, number> = {
  insertArticle: 2, deleteArticle: 2, moveArticle: 2, splitArticle: 1.5, mergeArticles: 1.5, rewordArticle: 6,
  insertClause: 2, deleteClause: 2, moveClause: 1.5, splitClause: 1, mergeClauses: 1, rewordClause: 4,
};

export interface RevisionOptions {
  seed: number;
  /** Articles whose text an inserted article or clause takes (another document's, so it is truly new). */
  donors?: readonly Article[];
  /** How many revisions; by default a quarter of the articles, at least two. */
  count?: number;
  /** Relative frequency of each kind; kinds left out never happen. */
  mix?: Partial<Record<RevisionKind, number>>;
}

export interface RevisedDraft {
  draft: Draft;
  truth: RevisionTruth;
  /** The revisions applied, in order: the story of the revision when a seed fails. */
  applied: RevisionKind[];
}

function pickKind(mix: Partial<Record<RevisionKind, number>>, random: SeededRandom): RevisionKind | undefined {
  const kinds = (Object.keys(mix) as RevisionKind[]).filter((k) => (mix[k] ?? 0) > 0);
  const total = kinds.reduce((sum, k) => sum + (mix[k] ?? 0), 0);
  let roll = random.next() * total;
  for (const kind of kinds) {
    roll -= mix[kind] ?? 0;
    if (roll < 0) return kind;
  }
  return kinds[kinds.length - 1];
}

/**
 * A seeded, realistic revision of a parsed draft, and the true mapping from its articles and clauses
 * to the revision's: test support for measuring `alignDrafts`. The same seed gives the same revision.
 */
export function reviseDraft(draft: Draft, options: RevisionOptions): RevisedDraft {
  const random = new SeededRandom(options.seed);
  const work = toWork(draft);
  const mix = options.mix ?? DEFAULT_MIX;
  const count = options.count ?? Math.max(2, Math.round(work.length / 4));
  const applied: RevisionKind[] = [];
  for (let tries = 0; applied.length < count && tries < count * 10; tries += 1) {
    const kind = pickKind(mix, random);
    if (kind && REVISIONS[kind](work, random, options.donors ?? [])) applied.push(kind);
  }
  return { ...fromWork(draft, work), applied };
}
