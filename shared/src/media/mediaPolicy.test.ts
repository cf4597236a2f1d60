import { DEFAULT_DISCUSSION_MODE, DiscussionModeSchema, audiblePointIds, isAudible } from './mediaPolicy';

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
