import type { ConferenceSetupInput } from '../conference/setup';
import { ACTORS, FIXTURE_SETUP, FixtureConference } from '../testing/conferenceFixture';

/** The fixture's draft with two alternatives on Điều 2 and three on Điều 1 khoản 2. */
export const ALTERNATIVES_SETUP: ConferenceSetupInput = {
  ...FIXTURE_SETUP,
  draft: {
    title: 'Dự thảo quy định',
    chapters: [
      { number: 'I', title: 'Quy định chung', articles: [
        { number: 1, title: 'Phạm vi điều chỉnh', clauses: [
          { number: 1, text: 'a' },
          { number: 2, text: 'Nhiệm kỳ của ban chấp hành', alternatives: [
            { number: 1, text: 'Nhiệm kỳ 5 năm.' }, { number: 2, text: 'Nhiệm kỳ 4 năm.' }, { number: 3, text: 'Nhiệm kỳ 3 năm.' },
          ] },
        ] },
        { number: 2, title: 'Cơ cấu thường trực', alternatives: [
          { number: 1, text: 'Giữ ba phó bí thư.' }, { number: 2, text: 'Giảm còn hai phó bí thư.' },
        ] },
      ] },
      { number: 'II', title: 'Nhiệm vụ', articles: [{ number: 3, title: 'Nhiệm vụ, quyền hạn' }] },
    ],
  },
};

/** A live conference whose draft carries alternatives. */
export function liveWithAlternatives(): FixtureConference {
  const conf = new FixtureConference(ALTERNATIVES_SETUP);
  conf.must(ACTORS.chair, { type: 'conference.start' });
  return conf;
}
