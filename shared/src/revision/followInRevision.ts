import { followRef, type FollowedRef } from '../comments/followRef';
import { formatFollowedRef, FOLLOW_WORDS_VI, type FollowWords } from '../comments/formatFollowedRef';
import type { ConferenceState } from '../conference/state';
import type { ArticleRef } from '../protocol/fields';

/** Where each of a comment's references went in the confirmed revision; none before a revision is confirmed (DA14). */
export function followedRefs(state: Pick<ConferenceState, 'revision'>, refs: readonly ArticleRef[]): FollowedRef[] {
  const alignment = state.revision?.alignment;
  return alignment ? refs.map((ref) => followRef(alignment, ref)) : [];
}

/** "Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2); …", or '' before a revision. */
export function followedLabel(state: Pick<ConferenceState, 'revision'>, refs: readonly ArticleRef[], words: FollowWords = FOLLOW_WORDS_VI): string {
  return followedRefs(state, refs).map((f) => formatFollowedRef(f, words)).join('; ');
}

/** The references in the revision's numbering: every place each went to, once; a deleted one goes nowhere. */
export function refsInRevision(state: Pick<ConferenceState, 'revision'>, refs: readonly ArticleRef[]): ArticleRef[] {
  const seen = new Set<string>();
  const out: ArticleRef[] = [];
  for (const ref of followedRefs(state, refs).flatMap((f) => f.to)) {
    const key = `${ref.article}.${ref.clause ?? ''}.${ref.item ?? ''}`;
    if (!seen.has(key)) { seen.add(key); out.push(ref); }
  }
  return out;
}
