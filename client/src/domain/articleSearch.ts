import { articlesInOrder, foldDiacritics, formatArticleRef, nfc, type ArticleRef, type Draft } from '@diem-cau/shared';

export interface ArticleOption {
  ref: ArticleRef;
  /** "Điều 5 khoản 2" */
  label: string;
  /** The article's title, to recognise it in a list. */
  title: string;
}

export const refKey = (r: ArticleRef) => `${r.article}.${r.clause ?? ''}.${r.item ?? ''}`;

/** "5", "Điều 5", "d5", "5.2", "5 k2", "5.2.a", "điều 5 khoản 2 điểm đ". */
const NUMERIC = /^(?:(?:điều|dieu|đ|d)\s*)?(\d+)(?:\s*[.,/-]?\s*(?:(?:khoản|khoan|k)\s*)?(\d+)(?:\s*[.,/-]?\s*(?:(?:điểm|diem)\s*)?([a-zđ]))?)?$/u;

function numericOptions(draft: Draft, q: string): ArticleOption[] | undefined {
  const m = NUMERIC.exec(q);
  if (!m) return undefined;
  const [, articleDigits = '', clauseDigits, itemLetter] = m;
  const places = articlesInOrder(draft);
  const exact = places.find((p) => p.article.number === Number(articleDigits));
  const out: ArticleOption[] = [];
  const push = (ref: ArticleRef, title: string) => out.push({ ref, label: formatArticleRef(ref), title });
  if (exact) {
    const a = exact.article;
    const clause = clauseDigits ? a.clauses.find((c) => c.number === Number(clauseDigits)) : undefined;
    if (clause) {
      const item = itemLetter ? clause.items.find((i) => i.letter === itemLetter) : undefined;
      if (item) push({ article: a.number, clause: clause.number, item: item.letter }, a.title);
      push({ article: a.number, clause: clause.number }, a.title);
      if (!item) for (const i of clause.items) push({ article: a.number, clause: clause.number, item: i.letter }, a.title);
    }
    if (!clauseDigits || !clause) push({ article: a.number }, a.title);
  }
  if (!clauseDigits) {
    for (const p of places) {
      if (p !== exact && String(p.article.number).startsWith(articleDigits)) push({ article: p.article.number }, p.article.title);
    }
    if (exact) for (const c of exact.article.clauses) push({ article: exact.article.number, clause: c.number }, exact.article.title);
  }
  return out;
}

function wordOptions(draft: Draft, q: string): ArticleOption[] {
  const tokens = foldDiacritics(q).split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [];
  const scored = articlesInOrder(draft)
    .map((p, order) => {
      const title = foldDiacritics(p.article.title);
      const words = title.split(/[^a-z0-9]+/);
      if (!tokens.every((t) => title.includes(t))) return undefined;
      const wordStarts = tokens.filter((t) => words.some((w) => w.startsWith(t))).length;
      return { p, score: wordStarts * 10 - order / 1000 };
    })
    .filter((x): x is NonNullable<typeof x> => x !== undefined)
    .sort((a, b) => b.score - a.score);
  return scored.map(({ p }) => ({ ref: { article: p.article.number }, label: formatArticleRef({ article: p.article.number }), title: p.article.title }));
}

/**
 * The secretary's type-ahead: numbers go straight to an article, clause or item; words match
 * article titles without diacritics ("nhiem ky" finds "Nhiệm kỳ, chỉ định và kiện toàn").
 */
export function searchArticles(draft: Draft, query: string, limit = 8): ArticleOption[] {
  const q = nfc(query.trim().toLowerCase());
  if (!q) return [];
  const options = numericOptions(draft, q) ?? wordOptions(draft, q);
  const seen = new Set<string>();
  return options.filter((o) => !seen.has(refKey(o.ref)) && seen.add(refKey(o.ref))).slice(0, limit);
}
