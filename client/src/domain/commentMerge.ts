import { listOf, type ArticleRef, type Comment, type CommentSource, type ConferenceState } from '@diem-cau/shared';
import { countsAsLive } from './commentStats';

const articlesOf = (refs: readonly ArticleRef[]) => new Set(refs.map((r) => r.article));
const sharedArticles = (a: readonly ArticleRef[], b: readonly ArticleRef[]) => {
  const mine = articlesOf(a);
  return [...articlesOf(b)].filter((n) => mine.has(n));
};

/**
 * Whether a comment may be folded into another at all (C9): not retracted, not merged already,
 * keeping no others itself, not answered yet. Which one it goes into is checked by mergeTargets.
 */
export function canBeMerged(c: Comment): boolean {
  return countsAsLive(c) && (c.mergedFrom ?? []).length === 0 && c.response === undefined;
}

/**
 * The comments a duplicate may be folded into: the other live comments of the same point (or,
 * for a general comment, the other general ones). Those on one of its articles come first,
 * then the newest.
 */
export function mergeTargets(state: ConferenceState, duplicate: Comment): Comment[] {
  const shares = (c: Comment) => (sharedArticles(duplicate.articles, c.articles).length > 0 ? 0 : 1);
  return listOf(state.comments)
    .filter((c) => c.id !== duplicate.id && countsAsLive(c) && c.pointId === duplicate.pointId)
    .sort((a, b) => shares(a) - shares(b) || b.loggedAt - a.loggedAt);
}

export interface LikelyDuplicate {
  /** The written comment the new spoken one probably repeats: the one to keep. */
  written: Comment;
  /** The article numbers both are about. */
  articles: number[];
}

/**
 * A spoken comment just logged for a point that had already sent a written comment on one of
 * the same articles probably repeats it: the written one with the most articles in common, the
 * newest among equals.
 */
export function likelyDuplicateOf(state: ConferenceState, spoken: { pointId?: string | undefined; articles: readonly ArticleRef[] }): LikelyDuplicate | undefined {
  if (!spoken.pointId || spoken.articles.length === 0) return undefined;
  const found = listOf(state.comments)
    .filter((c) => c.source === 'written' && c.pointId === spoken.pointId && countsAsLive(c))
    .map((written) => ({ written, articles: sharedArticles(written.articles, spoken.articles) }))
    .filter((m) => m.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || b.written.loggedAt - a.written.loggedAt);
  return found[0];
}

export interface MergedGroup {
  /** The kept comment and the duplicates folded into it. */
  count: number;
  sources: Set<CommentSource>;
}

/** What a kept comment stands for: how many comments, said or written. Undefined if it keeps none. */
export function mergedGroup(state: ConferenceState, kept: Comment): MergedGroup | undefined {
  const folded = (kept.mergedFrom ?? []).map((id) => state.comments.get(id)).filter((c): c is Comment => c !== undefined);
  if (folded.length === 0) return undefined;
  return { count: folded.length + 1, sources: new Set([kept.source, ...folded.map((c) => c.source)]) };
}

/** The opening words of a comment, for a line that has no room for all of it. */
export function gist(text: string, maxChars = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  // One character more, so a word ending exactly at the limit is kept whole.
  const space = flat.slice(0, maxChars + 1).lastIndexOf(' ');
  return `${flat.slice(0, space > maxChars / 2 ? space : maxChars).replace(/[,;:.]$/, '')}…`;
}
