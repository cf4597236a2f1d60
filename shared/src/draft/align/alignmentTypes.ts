/**
 * A proposed mapping between two versions of a draft: which articles and clauses of the earlier
 * draft became which of the later one. Proposed, not decided: the organiser confirms or corrects it.
 */

/** Where a clause sits: article number and clause number in one draft. */
export interface ClausePlace {
  article: number;
  clause: number;
}

/**
 * What happened to a group of linked units: kept under the same number, moved (renumbered), split
 * (one → several), merged (several → one), new (no predecessor), deleted (no successor).
 */
export const ALIGNMENT_KINDS = ['same', 'moved', 'split', 'merged', 'new', 'deleted'] as const;
export type AlignmentKind = (typeof ALIGNMENT_KINDS)[number];

/** Why a link was proposed; reasons, not sentences, so the consoles can word them. */
export const LINK_BASES = ['text', 'title', 'number', 'position', 'contained'] as const;
export type LinkBasis = (typeof LINK_BASES)[number];

export interface Evidence {
  /** Weighted word overlap of the texts, 0–1 (Dice). */
  text: number;
  /** Same for the titles; 0 when either has none. */
  title: number;
  /** What settled the link, strongest first; empty for new and deleted units. */
  basis: LinkBasis[];
}

/** One group of linked units: `before` in the earlier draft, `after` in the later, in draft order. */
export interface Correspondence<Key> {
  kind: AlignmentKind;
  before: Key[];
  after: Key[];
  /** How sure the proposal is, 0–1; below REVIEW_CONFIDENCE it is worth a look. */
  confidence: number;
  /** True when the text changed (a 'same' or 'moved' group that was also reworded). */
  changed: boolean;
  evidence: Evidence;
}

export type ArticleCorrespondence = Correspondence<number>;
export type ClauseCorrespondence = Correspondence<ClausePlace>;

export interface DraftAlignment {
  articles: ArticleCorrespondence[];
  clauses: ClauseCorrespondence[];
}

/** Proposals below this confidence are flagged for the organiser's review. */
export const REVIEW_CONFIDENCE = 0.6;
