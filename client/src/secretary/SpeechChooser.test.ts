import { ACTORS, FixtureConference } from '@diem-cau/shared/testing';
import { FOLLOW, NO_SPEECH, resolveSpeech } from './SpeechChooser';

describe('which speech a secretary’s comment belongs to', () => {
  it('C9: follows the floor; with nobody speaking it is a general comment, never the previous speaker’s', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    const asked = conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng', position: '' }, articles: [], topic: '' });
    const requestId = asked[0]?.type === 'floor.requested' ? asked[0].payload.requestId : '';
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId });
    const speechId = conf.state.currentSpeechId ?? '';
    expect(resolveSpeech(conf.state, FOLLOW)).toBe(speechId);
    conf.must(ACTORS.chair, { type: 'floor.release', speechId });
    expect(resolveSpeech(conf.state, FOLLOW)).toBeUndefined();
    expect(resolveSpeech(conf.state, speechId)).toBe(speechId);
    expect(resolveSpeech(conf.state, NO_SPEECH)).toBeUndefined();
    expect(resolveSpeech(conf.state, 'no-such-speech')).toBeUndefined();
  });
});
