export { reviseDraft, REVISIONS } from './reviseDraft';
export type { RevisedDraft, RevisionKind, RevisionOptions } from './reviseDraft';
export { scoreAlignment, percentOf, reviewScore } from './scoreAlignment';
export type { AlignmentScore, ReviewScore, Tally } from './scoreAlignment';
export type { RevisionTruth } from './workingDraft';
export { SeededRandom } from './seededRandom';
