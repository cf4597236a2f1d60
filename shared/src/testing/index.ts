export { FIXTURE_SETUP, FIXTURE_CONFERENCE_ID, ACTORS, FixtureConference, T0, createdEvent, nextId } from './conferenceFixture';
export { reviseDraft, scoreAlignment, percentOf, REVISIONS } from '../draft/align/revision';
export type { RevisedDraft, RevisionKind, RevisionOptions, RevisionTruth, AlignmentScore } from '../draft/align/revision';
export { budgetedConference } from './budgetFixture';
export { ALTERNATIVES_SETUP, liveWithAlternatives } from '../consultation/consultationFixture';
export { consultedConference } from '../consultation/consultedConference';
export { REVISED_DRAFT, RENUMBERED } from '../revision/revisionFixture';
export { consultedThenDropped } from '../reports/testing/consultedThenDropped';
