export { alignDrafts } from './alignDrafts';
export { ALIGNMENT_KINDS, LINK_BASES, REVIEW_CONFIDENCE } from './alignmentTypes';
export type {
  AlignmentKind, ArticleCorrespondence, ClauseCorrespondence, ClausePlace, Correspondence, DraftAlignment, Evidence, LinkBasis,
} from './alignmentTypes';
