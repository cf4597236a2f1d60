import type { CommentKind } from '../comments/commentCommands';
import type { CommentEntry } from './commentEntry';
import type { ResponseStatus } from './commentResponse';
import type { DroppedArticle } from './droppedArticles';
import type { ConsultationSynthesis } from './positionsSynthesis';
import type { ConferenceInfo } from './reportDirectory';
import type { SynthesisRevision } from './synthesisNumbering';

/** A comment listed under one article: `place` names the clause/item within it. */
export interface PlacedComment extends CommentEntry {
  /** "khoản 2 điểm a", or '' when the comment is on the whole article. */
  place: string;
  /** Other articles the same comment names (it is listed under each of them). */
  alsoArticles: number[];
}

export interface KindGroup {
  kind: CommentKind;
  label: string;
  comments: PlacedComment[];
}

export interface PointCount {
  pointId?: string;
  name: string;
  count: number;
}

export interface ArticleSynthesis {
  number: number;
  /** "Điều 5" */
  label: string;
  title: string;
  /** "Mục 1. …" when the article sits in a section. */
  sectionLabel?: string;
  count: number;
  points: PointCount[];
  groups: KindGroup[];
  /** Consultations on the article or its clauses: alternatives, tally, points per option, reasons. */
  consultations: ConsultationSynthesis[];
}

export interface ChapterSynthesis {
  key: string;
  /** "Chương I"; '' for articles outside chapters. */
  label: string;
  title: string;
  partLabel?: string;
  /** Distinct comments on the chapter's articles. */
  count: number;
  articles: ArticleSynthesis[];
}

export interface UncommentedArticle {
  number: number;
  label: string;
  title: string;
  chapterLabel: string;
}

export interface PointSummary extends PointCount {
  spoken: number;
  written: number;
}

export interface SynthesisSummary {
  total: number;
  spoken: number;
  written: number;
  articlesTotal: number;
  articlesCommented: number;
  general: number;
  byChapter: Array<{ key: string; label: string; title: string; count: number; articlesTotal: number; articlesCommented: number }>;
  /** Every registered point, commented or not (a point that said nothing is worth seeing). */
  byPoint: PointSummary[];
  byKind: Array<{ kind: CommentKind; label: string; count: number }>;
  byResponse: Array<{ status: ResponseStatus | 'none'; label: string; count: number }>;
}

/** Comments per article × point, for the print view's heatmap. */
export interface Heatmap {
  points: Array<{ pointId?: string; name: string }>;
  rows: Array<{ number: number; label: string; title: string; counts: number[]; total: number }>;
  max: number;
}

export interface SynthesisReport {
  conference: ConferenceInfo;
  summary: SynthesisSummary;
  chapters: ChapterSynthesis[];
  uncommented: UncommentedArticle[];
  /** Comments that name no article of the draft ("Ý kiến chung"). */
  general: { count: number; groups: KindGroup[] };
  heatmap: Heatmap;
  /** Once a revised draft is confirmed: the numbering used and the concordance table (DA15). */
  revision?: SynthesisRevision;
  /** In the revised numbering, the consulted articles the revision deleted: their positions stay in the report (DA19). */
  dropped?: DroppedArticle[];
}
