export { FIXTURE_SETUP, FIXTURE_CONFERENCE_ID, ACTORS, FixtureConference, T0, createdEvent, nextId } from './conferenceFixture';
