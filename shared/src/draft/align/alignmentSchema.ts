import { z } from 'zod';
import { ALIGNMENT_KINDS, LINK_BASES, type DraftAlignment } from './alignmentTypes';

const Score = z.number().min(0).max(1);
const ArticleNumber = z.number().int().positive().max(100_000);
/** A 2,000-article draft (DRAFT_LIMITS.ARTICLES) with up to 200 clauses an article is far past any real one. */
const MAX_GROUPS = 20_000;
const MAX_GROUP_UNITS = 200;

export const ClausePlaceSchema = z.object({ article: ArticleNumber, clause: z.number().int().positive().max(1_000) });

export const EvidenceSchema = z.object({ text: Score, title: Score, basis: z.array(z.enum(LINK_BASES)).max(LINK_BASES.length) });

function correspondence<K extends z.ZodTypeAny>(key: K) {
  return z.object({
    kind: z.enum(ALIGNMENT_KINDS),
    before: z.array(key).max(MAX_GROUP_UNITS),
    after: z.array(key).max(MAX_GROUP_UNITS),
    confidence: Score,
    changed: z.boolean(),
    evidence: EvidenceSchema,
  });
}

export const ArticleCorrespondenceSchema = correspondence(ArticleNumber);
export const ClauseCorrespondenceSchema = correspondence(ClausePlaceSchema);

/** The alignment as it crosses the wire and enters the log: the shape of `DraftAlignment`, checked. */
export const DraftAlignmentSchema = z.object({
  articles: z.array(ArticleCorrespondenceSchema).max(MAX_GROUPS),
  clauses: z.array(ClauseCorrespondenceSchema).max(MAX_GROUPS * 10),
});

// The aligner's interfaces and this schema must describe one shape (both ways).
type Parsed = z.infer<typeof DraftAlignmentSchema>;
export type AlignmentShapeAgrees = [Parsed extends DraftAlignment ? true : never, DraftAlignment extends Parsed ? true : never];
