import type { AlignmentKind, Correspondence, DraftAlignment } from '../draft/align';
import type { ArticleRef } from '../protocol/fields';

/** Where a comment's reference went in the next draft. */
export interface FollowedRef {
  from: ArticleRef;
  /** What happened to the unit followed; 'unknown' when the earlier draft has no such article. */
  kind: AlignmentKind | 'unknown';
  /** Its place(s) in the next draft; empty when deleted or unknown. */
  to: ArticleRef[];
  /** The other units of the earlier draft merged with it, for "gộp với …". */
  mergedWith: ArticleRef[];
  /** Whether the clause was followed, or only the article (a reference to a clause the draft does not have). */
  level: 'article' | 'clause';
  confidence: number;
}

function groupOf<Key>(groups: ReadonlyArray<Correspondence<Key>>, has: (key: Key) => boolean): Correspondence<Key> | undefined {
  return groups.find((g) => g.before.some(has));
}

/** A point letter goes along only when the clause went to exactly one place: points are not aligned. */
function withItem(to: ArticleRef[], item: string | undefined): ArticleRef[] {
  return to.length === 1 && item !== undefined ? to.map((r) => ({ ...r, item })) : to;
}

function followClause(alignment: DraftAlignment, ref: ArticleRef & { clause: number }): FollowedRef | undefined {
  const group = groupOf(alignment.clauses, (p) => p.article === ref.article && p.clause === ref.clause);
  if (!group) return undefined;
  const to = group.after.map((p) => ({ article: p.article, clause: p.clause }));
  const mergedWith = group.before.filter((p) => p.article !== ref.article || p.clause !== ref.clause);
  return { from: ref, kind: group.kind, to: withItem(to, ref.item), mergedWith, level: 'clause', confidence: group.confidence };
}

/**
 * Follows a reference to the earlier draft through an alignment: the clause when the earlier draft
 * has it, else the article (keeping the clause and point numbers when the article went to one place).
 */
export function followRef(alignment: DraftAlignment, ref: ArticleRef): FollowedRef {
  const byClause = ref.clause === undefined ? undefined : followClause(alignment, { ...ref, clause: ref.clause });
  if (byClause) return byClause;
  const group = groupOf(alignment.articles, (n) => n === ref.article);
  if (!group) return { from: ref, kind: 'unknown', to: [], mergedWith: [], level: 'article', confidence: 0 };
  const to = group.after.map((article): ArticleRef => (group.after.length === 1 && ref.clause !== undefined ? { article, clause: ref.clause } : { article }));
  const mergedWith = group.before.filter((n) => n !== ref.article).map((article) => ({ article }));
  return { from: ref, kind: group.kind, to: withItem(to, ref.clause === undefined ? undefined : ref.item), mergedWith, level: 'article', confidence: group.confidence };
}
