import { REVIEW_CONFIDENCE } from '../draft/align';
import type { ArticleRef } from '../protocol/fields';
import { formatArticleRef } from './articleRefs';
import type { FollowedRef } from './followRef';

/** The words around the references; Vietnamese by default, English for the English console. */
export interface FollowWords {
  /** The two drafts' names, e.g. "dự thảo lần 1" and "dự thảo lần 2". */
  before: string;
  after: string;
  and: string;
  deleted: (after: string) => string;
  unknown: (before: string) => string;
  split: (count: number, unit: string) => string;
  mergedWith: (others: string) => string;
  review: string;
  unit: { article: string; clause: string };
  ref: (ref: ArticleRef) => string;
}

export const FOLLOW_WORDS_VI: FollowWords = {
  before: 'dự thảo lần 1',
  after: 'dự thảo lần 2',
  and: 'và',
  deleted: (after) => `không còn trong ${after}`,
  unknown: (before) => `không có trong ${before}`,
  split: (count, unit) => `tách thành ${count} ${unit}`,
  mergedWith: (others) => `gộp với ${others}`,
  review: 'cần kiểm tra',
  unit: { article: 'điều', clause: 'khoản' },
  ref: formatArticleRef,
};

export const FOLLOW_WORDS_EN: FollowWords = {
  before: 'draft 1',
  after: 'draft 2',
  and: 'and',
  deleted: (after) => `not in ${after}`,
  unknown: (before) => `not in ${before}`,
  split: (count, unit) => `split into ${count} ${unit}s`,
  mergedWith: (others) => `merged with ${others}`,
  review: 'to be checked',
  unit: { article: 'article', clause: 'clause' },
  ref: (ref) => formatArticleRef(ref).replace('Điều', 'Article').replace('khoản', 'clause').replace('điểm', 'point'),
};

/** "Điều 5, Điều 6 và Điều 7". */
function list(refs: readonly ArticleRef[], words: FollowWords): string {
  const texts = refs.map(words.ref);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} ${words.and} ${texts[texts.length - 1]}`;
}

function notes(followed: FollowedRef, words: FollowWords): string[] {
  const out = [words.after];
  if (followed.kind === 'split') out.push(words.split(followed.to.length, words.unit[followed.level]));
  if (followed.kind === 'merged') out.push(words.mergedWith(list(followed.mergedWith, words)));
  if (followed.confidence < REVIEW_CONFIDENCE) out.push(words.review);
  return out;
}

/**
 * How a comment's reference reads once the next draft is aligned:
 * "Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)", with "tách thành 2 điều",
 * "gộp với Điều 6", "không còn trong dự thảo lần 2" and "cần kiểm tra" where they apply.
 */
export function formatFollowedRef(followed: FollowedRef, words: FollowWords = FOLLOW_WORDS_VI): string {
  const from = `${words.ref(followed.from)} (${words.before})`;
  if (followed.kind === 'unknown') return `${from} → ${words.unknown(words.before)}`;
  if (followed.to.length === 0) return `${from} → ${words.deleted(words.after)}${followed.confidence < REVIEW_CONFIDENCE ? ` (${words.review})` : ''}`;
  return `${from} → ${list(followed.to, words)} (${notes(followed, words).join(', ')})`;
}
