export { reviseDraft, REVISIONS } from './reviseDraft';
export type { RevisedDraft, RevisionKind, RevisionOptions } from './reviseDraft';
export { scoreAlignment, percentOf } from './scoreAlignment';
export type { AlignmentScore, Tally } from './scoreAlignment';
export type { RevisionTruth } from './workingDraft';
export { SeededRandom } from './seededRandom';
