import { articlesInOrder, foldDiacritics, type ArticleRef, type Draft } from '@diem-cau/shared';

export interface ArticleListReading {
  refs: ArticleRef[];
  /** Numbers the draft does not have. */
  unknown: number[];
  /** Pieces that are not a number or a range. */
  bad: string[];
}

const MAX_RANGE = 2_000;
/** Words an organiser may type around the numbers ("Điều 3", "Article 5"). */
const FILLER = new Set(['dieu', 'article', 'articles', 'art', 'art.']);

/** "1-5, 8 10", "Điều 1 – 3; Điều 5" → articles in the order typed, without repeats. */
export function readArticleList(text: string, draft: Draft | null): ArticleListReading {
  const known = new Set(draft ? articlesInOrder(draft).map((p) => p.article.number) : []);
  const seen = new Set<number>();
  const out: ArticleListReading = { refs: [], unknown: [], bad: [] };
  const add = (n: number) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (draft && !known.has(n)) out.unknown.push(n);
    else out.refs.push({ article: n });
  };
  const pieces = text.replace(/\s*[-–—]\s*/g, '-').split(/[,;\s]+/).filter((p) => p !== '' && !FILLER.has(foldDiacritics(p)));
  for (const piece of pieces) {
    const range = /^(\d{1,4})-(\d{1,4})$/.exec(piece);
    const single = /^(\d{1,4})\.?$/.exec(piece);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to < from || to - from > MAX_RANGE) out.bad.push(piece);
      else for (let n = from; n <= to; n++) add(n);
    } else if (single && Number(single[1]) > 0) add(Number(single[1]));
    else out.bad.push(piece);
  }
  return out;
}

/** Articles 1, 2, 3, 5 → "1-3, 5". */
export function formatArticleList(refs: readonly ArticleRef[]): string {
  const numbers = [...new Set(refs.map((r) => r.article))];
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    parts.push(j - i >= 2 ? `${numbers[i]}-${numbers[j]}` : numbers.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Every article of a chapter, sections included, in draft order. */
export function chapterArticleNumbers(draft: Draft, chapterIndex: number): number[] {
  const chapter = draft.chapters[chapterIndex];
  if (!chapter) return [];
  return [...chapter.articles, ...chapter.sections.flatMap((s) => s.articles)].map((a) => a.number);
}
