import { z } from 'zod';

/** Limits keep a hostile draft from exhausting memory; real drafts are far below them. */
export const DRAFT_LIMITS = {
  TITLE_CHARS: 500,
  TEXT_CHARS: 20_000,
  ARTICLES: 2_000,
} as const;

const text = (max: number) => z.string().max(max);

/** Điểm: a lettered item inside a clause, "a)", "b)", "đ)". */
export const ItemSchema = z.object({
  letter: z.string().min(1).max(3),
  text: text(DRAFT_LIMITS.TEXT_CHARS),
});
export type Item = z.infer<typeof ItemSchema>;

/** Phương án: one of the alternatives a draft puts to the conference for an article or clause. */
export const AlternativeSchema = z.object({
  number: z.number().int().positive().max(50),
  text: text(DRAFT_LIMITS.TEXT_CHARS),
});
export type Alternative = z.infer<typeof AlternativeSchema>;
/** Absent when the article or clause has none (drafts parsed before alternatives existed have none). */
const AlternativesSchema = z.array(AlternativeSchema).max(20).optional();

/** Khoản: a numbered clause inside an article. */
export const ClauseSchema = z.object({
  number: z.number().int().positive(),
  text: text(DRAFT_LIMITS.TEXT_CHARS),
  items: z.array(ItemSchema).max(100).default([]),
  alternatives: AlternativesSchema,
});
export type Clause = z.infer<typeof ClauseSchema>;

/** Điều: numbered once across the whole draft, never restarted per chapter. */
export const ArticleSchema = z.object({
  number: z.number().int().positive(),
  title: text(DRAFT_LIMITS.TITLE_CHARS),
  /** Text before the first clause, or the whole body when the article has no clauses. */
  intro: text(DRAFT_LIMITS.TEXT_CHARS).default(''),
  clauses: z.array(ClauseSchema).max(200).default([]),
  alternatives: AlternativesSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/** Mục: numbering restarts in each chapter. */
export const SectionSchema = z.object({
  number: z.string().min(1).max(20),
  title: text(DRAFT_LIMITS.TITLE_CHARS),
  articles: z.array(ArticleSchema).max(DRAFT_LIMITS.ARTICLES),
});
export type Section = z.infer<typeof SectionSchema>;

/** Chương (or a party document's Roman section "I- QUY ĐỊNH CHUNG"). */
export const ChapterSchema = z.object({
  number: z.string().min(1).max(20),
  title: text(DRAFT_LIMITS.TITLE_CHARS),
  /** Phần the chapter belongs to, e.g. "Phần thứ nhất"; absent in most drafts. */
  part: z.object({ number: z.string().max(40), title: text(DRAFT_LIMITS.TITLE_CHARS) }).optional(),
  /** Articles standing directly in the chapter, before or without sections. */
  articles: z.array(ArticleSchema).max(DRAFT_LIMITS.ARTICLES).default([]),
  sections: z.array(SectionSchema).max(200).default([]),
});
export type Chapter = z.infer<typeof ChapterSchema>;

export const DraftSchema = z.object({
  title: text(DRAFT_LIMITS.TITLE_CHARS).min(1),
  chapters: z.array(ChapterSchema).max(500).default([]),
  /** Articles of a draft that has no chapters. */
  articles: z.array(ArticleSchema).max(DRAFT_LIMITS.ARTICLES).default([]),
});
export type Draft = z.infer<typeof DraftSchema>;
export type DraftInput = z.input<typeof DraftSchema>;

/** Where an article sits in the tree, for pickers and reports in draft order. */
export interface ArticlePlace {
  article: Article;
  chapter?: Chapter;
  section?: Section;
}

export function articlesInOrder(draft: Draft): ArticlePlace[] {
  const places: ArticlePlace[] = draft.articles.map((article) => ({ article }));
  for (const chapter of draft.chapters) {
    for (const article of chapter.articles) places.push({ article, chapter });
    for (const section of chapter.sections) {
      for (const article of section.articles) places.push({ article, chapter, section });
    }
  }
  return places;
}

export function findArticle(draft: Draft, number: number): ArticlePlace | undefined {
  return articlesInOrder(draft).find((p) => p.article.number === number);
}
