import { ACTORS, FixtureConference } from '../testing/conferenceFixture';
import { DEFAULT_DISCUSSION_MODE, DiscussionModeSchema, audiblePointIds, isAudible, mediaFloorOf, sameFloor, stagePointId } from './mediaPolicy';

const POINTS = ['tw', 'hanoi', 'hue', 'cantho'] as const;
const CHAIR = 'tw';

describe('audiblePointIds', () => {
  test.each([
    ['request', 'hue', ['tw', 'hue']],
    ['request', null, ['tw']],
    ['request', 'tw', ['tw']],
    ['open', null, ['tw', 'hanoi', 'hue', 'cantho']],
    ['open', 'hue', ['tw', 'hanoi', 'hue', 'cantho']],
    ['chair-only', 'hue', ['tw']],
    ['chair-only', null, ['tw']],
  ] as const)('mode %s with floor %s hears %j', (mode, floor, expected) => {
    expect(audiblePointIds({ mode, chairPointId: CHAIR, floorPointId: floor, pointIds: POINTS })).toEqual(expected);
  });

  test('a floor holder that is not a listed point adds nobody', () => {
    expect(audiblePointIds({ mode: 'request', chairPointId: CHAIR, floorPointId: 'ghost', pointIds: POINTS })).toEqual(['tw']);
  });

  test('a chair absent from the list is not invented', () => {
    expect(audiblePointIds({ mode: 'request', chairPointId: 'absent', floorPointId: 'hue', pointIds: POINTS })).toEqual(['hue']);
  });

  test('isAudible agrees with the list', () => {
    const input = { mode: 'request' as const, chairPointId: CHAIR, floorPointId: 'hue' };
    expect(POINTS.filter((p) => isAudible(input, p))).toEqual(['tw', 'hue']);
  });
});

describe('DiscussionModeSchema', () => {
  test('accepts the three modes and defaults to request', () => {
    expect(DiscussionModeSchema.options).toEqual(['request', 'open', 'chair-only']);
    expect(DEFAULT_DISCUSSION_MODE).toBe('request');
  });

  test('refuses anything else', () => {
    expect(DiscussionModeSchema.safeParse('free').success).toBe(false);
    expect(DiscussionModeSchema.safeParse(undefined).success).toBe(false);
  });
});

describe('mediaFloorOf', () => {
  const delegate = { name: 'Dương Xuân Hùng', position: '' };
  function speaking() {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    const [requested] = conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate, articles: [], topic: '', priority: 'normal' });
    if (requested?.type !== 'floor.requested') throw new Error('no request');
    const [granted] = conf.must(ACTORS.chair, { type: 'floor.grant', requestId: requested.payload.requestId }).filter((e) => e.type === 'floor.granted');
    if (granted?.type !== 'floor.granted') throw new Error('no speech');
    return { conf, speechId: granted.payload.speechId };
  }

  test('M1: the floor holder is the point of the running speech; the chair is the central point', () => {
    const { conf } = speaking();
    expect(mediaFloorOf(conf.state)).toEqual({ mode: 'request', chairPointId: 'tw', floorPointId: 'thai-nguyen' });
  });

  test('M1: a paused speech keeps the floor, an ended one gives it back; the stage then shows the chair', () => {
    const { conf, speechId } = speaking();
    conf.must(ACTORS.chair, { type: 'floor.pause', speechId });
    expect(mediaFloorOf(conf.state).floorPointId).toBe('thai-nguyen');
    conf.must(ACTORS.chair, { type: 'floor.release', speechId });
    const floor = mediaFloorOf(conf.state);
    expect(floor.floorPointId).toBeNull();
    expect(stagePointId(floor)).toBe('tw');
  });

  test('M1: the discussion mode set by the chair is the media mode', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'discussion.setMode', mode: 'open' });
    const floor = mediaFloorOf(conf.state);
    expect(floor.mode).toBe('open');
    expect(sameFloor(floor, { ...floor })).toBe(true);
    expect(sameFloor(floor, { ...floor, mode: 'chair-only' })).toBe(false);
    expect(sameFloor(null, floor)).toBe(false);
  });
});
