import { ACTORS, FixtureConference, T0 } from '../testing/conferenceFixture';
import { articleTime } from './articleTime';
import { activeLineOf, budgetLedger, isOverBudget, liveRemainingMs } from './budgetLedger';
import { splitByWeight } from './splitBudget';

const delegate = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
const GROUPS = [
  { id: 'khoi-a', name: 'Khối tỉnh ủy phía Bắc', pointIds: ['thai-nguyen', 'ha-giang'] },
  { id: 'khoi-b', name: 'Khối đảng ủy trực thuộc', pointIds: ['bac-kan'] },
];
const S = 1000;

function liveOnDiscussion() {
  const conf = new FixtureConference();
  conf.must(ACTORS.chair, { type: 'conference.start' });
  conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' });
  return conf;
}

/** The point speaks `spokenS` seconds (paused `pauseS` in the middle) starting at `at`; returns the time it ended. */
function speak(conf: FixtureConference, pointId: string, at: number, spokenS: number, opts: { pauseS?: number; articles?: { article: number; clause?: number }[] } = {}) {
  const actor = pointId === 'thai-nguyen' ? ACTORS.thaiNguyen : pointId === 'ha-giang' ? ACTORS.haGiang : ACTORS.chair;
  const [requested] = conf.must(actor, { type: 'floor.request', pointId, delegate, articles: opts.articles ?? [] }, at);
  if (requested?.type !== 'floor.requested') throw new Error('no request');
  const [granted] = conf.must(ACTORS.chair, { type: 'floor.grant', requestId: requested.payload.requestId }, at);
  if (granted?.type !== 'floor.granted') throw new Error('no grant');
  const speechId = granted.payload.speechId;
  const half = Math.floor(spokenS / 2) * S;
  const pause = (opts.pauseS ?? 0) * S;
  if (pause > 0) {
    conf.must(ACTORS.chair, { type: 'floor.pause', speechId }, at + half);
    conf.must(ACTORS.chair, { type: 'floor.resume', speechId }, at + half + pause);
  }
  const end = at + spokenS * S + pause;
  conf.must(ACTORS.chair, { type: 'floor.release', speechId }, end);
  return end;
}

const lines = (conf: FixtureConference, itemId = 'thao-luan') => budgetLedger(conf.state).get(itemId)?.lines ?? [];
const line = (conf: FixtureConference, id: string, itemId = 'thao-luan') => lines(conf, itemId).find((l) => l.id === id);

describe('speaking-time budgets', () => {
  it('TB1: groups name existing points, each point in one group at most; a group in use by a budget stays', () => {
    const conf = liveOnDiscussion();
    expect(conf.run(ACTORS.chair, { type: 'budget.defineGroups', groups: [{ id: 'x', name: 'X', pointIds: ['nowhere'] }] })).toMatchObject({ ok: false, error: { reason: 'POINT_UNKNOWN' } });
    const twice = [{ id: 'x', name: 'X', pointIds: ['ha-giang'] }, { id: 'y', name: 'Y', pointIds: ['ha-giang'] }];
    expect(conf.run(ACTORS.chair, { type: 'budget.defineGroups', groups: twice })).toMatchObject({ ok: false, error: { code: 'INVALID', reason: 'BUDGET_POINT_IN_TWO_GROUPS' } });
    conf.must(ACTORS.organiser, { type: 'budget.defineGroups', groups: GROUPS });
    expect(conf.state.budgetGroups.get('khoi-a')?.name).toBe('Khối tỉnh ủy phía Bắc');
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'equal', totalS: 600 });
    const seq = conf.state.seq;
    expect(conf.run(ACTORS.chair, { type: 'budget.defineGroups', groups: [GROUPS[0] as (typeof GROUPS)[0]] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'BUDGET_GROUP_IN_USE' } });
    expect(conf.state.seq).toBe(seq);
  });

  it('TB1: group names enter the log trimmed and NFC', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: [{ id: 'k', name: '  Kho\u0302\u0301i tỉnh ủy ', pointIds: [] }] });
    expect(conf.state.budgetGroups.get('k')?.name).toBe('Khối tỉnh ủy'.normalize('NFC'));
  });

  it.each([
    ['equal', undefined, 1000, [334, 333, 333]],
    ['proportional', [3, 1, 0], 1000, [750, 250, 0]],
    ['manual', [120, 300, 60], undefined, [120, 300, 60]],
  ] as const)('TB2: a %s split gives each point its part and the parts make the total', (split, values, totalS, expected) => {
    const conf = liveOnDiscussion();
    const ids = ['thai-nguyen', 'ha-giang', 'bac-kan'];
    const shares = values ? ids.map((id, i) => ({ id, value: values[i] ?? 0 })) : [];
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split, ...(totalS ? { totalS } : {}), shares });
    const budget = conf.state.budgets.get('thao-luan');
    expect(budget?.shares.map((s) => s.allocatedS)).toEqual(expected);
    expect(budget?.totalS).toBe(expected.reduce((a: number, b: number) => a + b, 0));
    // The weights typed are kept (the form shows them again); other splits have none.
    expect(budget?.shares.map((s) => s.weight)).toEqual(split === 'proportional' ? values : [undefined, undefined, undefined]);
  });

  it('TB2: with nobody named, every provincial point takes part; groups are weighted by their size when proportional', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 900 });
    expect(conf.state.budgets.get('thao-luan')?.shares.map((s) => s.id)).toEqual(['thai-nguyen', 'ha-giang', 'bac-kan']);
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'proportional', totalS: 900 });
    expect(conf.state.budgets.get('thao-luan')?.shares).toEqual([{ id: 'khoi-a', allocatedS: 600, addedS: 0, weight: 2 }, { id: 'khoi-b', allocatedS: 300, addedS: 0, weight: 1 }]);
  });

  it.each([
    [{ unit: 'point', split: 'equal' }, 'BUDGET_TOTAL_NEEDED'],
    [{ unit: 'point', split: 'manual', totalS: 60 }, 'BUDGET_SHARES_NEEDED'],
    [{ unit: 'point', split: 'proportional', totalS: 60, shares: [{ id: 'ha-giang', value: 0 }] }, 'BUDGET_WEIGHTS_ZERO'],
    [{ unit: 'point', split: 'equal', totalS: 60, shares: [{ id: 'ha-giang' }, { id: 'ha-giang' }] }, 'BUDGET_SHARE_REPEATED'],
    [{ unit: 'point', split: 'equal', totalS: 60, shares: [{ id: 'hue' }] }, 'POINT_UNKNOWN'],
    [{ unit: 'group', split: 'equal', totalS: 60 }, 'BUDGET_NO_TAKERS'],
    [{ unit: 'group', split: 'equal', totalS: 60, shares: [{ id: 'khoi-z' }] }, 'BUDGET_GROUP_UNKNOWN'],
  ] as const)('TB2: a budget %j is refused with %s and changes nothing', (fields, reason) => {
    const conf = liveOnDiscussion();
    const before = conf.state;
    const shares = 'shares' in fields ? fields.shares.map((x) => ({ ...x })) : [];
    expect(conf.run(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', ...fields, shares })).toMatchObject({ ok: false, error: { reason } });
    expect(conf.state).toBe(before);
  });

  it('TB2: a budget for an agenda item that does not exist is NOT_FOUND', () => {
    const conf = liveOnDiscussion();
    expect(conf.run(ACTORS.chair, { type: 'budget.allocate', itemId: 'khong-co', unit: 'point', split: 'equal', totalS: 60 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('TB3: a speech is charged when it ends, pauses excluded, to its point and to its group', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 900 });
    speak(conf, 'thai-nguyen', T0 + 1000, 100, { pauseS: 40 });
    expect(line(conf, 'thai-nguyen')).toMatchObject({ allocatedMs: 300 * S, usedMs: 100 * S, remainingMs: 200 * S });
    expect(line(conf, 'ha-giang')).toMatchObject({ usedMs: 0, remainingMs: 300 * S });
    const groups = budgetLedger(conf.state).get('thao-luan')?.groups ?? [];
    expect(groups.find((g) => g.id === 'khoi-a')).toMatchObject({ allocatedMs: 600 * S, usedMs: 100 * S, remainingMs: 500 * S });
  });

  it('TB3: with a budget per group, a point\'s speech is taken from its group; a point in no group is charged nowhere', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: [GROUPS[0] as (typeof GROUPS)[0]] });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'equal', totalS: 600 });
    const end = speak(conf, 'ha-giang', T0 + 1000, 250);
    speak(conf, 'tw', end, 50);
    expect(lines(conf)).toEqual([expect.objectContaining({ id: 'khoi-a', usedMs: 250 * S, remainingMs: 350 * S })]);
  });

  it('TB3: a running speech is not charged yet; the screens count the line down with it', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300 });
    const [requested] = conf.must(ACTORS.haGiang, { type: 'floor.request', pointId: 'ha-giang', delegate }, T0);
    if (requested?.type !== 'floor.requested') throw new Error('no request');
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: requested.payload.requestId }, T0);
    const ledgers = budgetLedger(conf.state);
    const own = activeLineOf(conf.state, ledgers, 'ha-giang');
    const speech = conf.state.speeches.list()[0];
    if (!own || !speech) throw new Error('no line or speech');
    expect(own.usedMs).toBe(0);
    expect(liveRemainingMs(own, speech, T0 + 30 * S)).toBe(70 * S);
  });

  it('TB4 TB6: the chair adds time to one point, to a group (spread over its points) or to all; overruns are negative', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300 });
    speak(conf, 'thai-nguyen', T0 + 1000, 130);
    expect(line(conf, 'thai-nguyen')?.remainingMs).toBe(-30 * S);
    conf.must(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'point', pointId: 'thai-nguyen' }, seconds: 60 });
    conf.must(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'group', groupId: 'khoi-a' }, seconds: 21 });
    conf.must(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'all' }, seconds: 10 });
    expect(lines(conf).map((l) => [l.id, l.addedMs / S, l.remainingMs / S])).toEqual([['thai-nguyen', 81, 51], ['ha-giang', 20, 120], ['bac-kan', 10, 110]]);
  });

  it('TB6: on a budget per group a point cannot be given time alone; a target outside the budget is NOT_FOUND; no budget, NOT_FOUND', () => {
    const conf = liveOnDiscussion();
    expect(conf.run(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'all' }, seconds: 60 })).toMatchObject({ ok: false, error: { reason: 'BUDGET_UNKNOWN' } });
    conf.must(ACTORS.chair, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'equal', totalS: 300, shares: [{ id: 'khoi-a' }] });
    expect(conf.run(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'point', pointId: 'ha-giang' }, seconds: 60 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'BUDGET_PER_GROUP' } });
    expect(conf.run(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'group', groupId: 'khoi-b' }, seconds: 60 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'BUDGET_SHARE_UNKNOWN' } });
  });

  it('TB5: carrying over starts each taker with what it had left (or overran) on the previous budgeted item; reset starts afresh', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300, shares: [{ id: 'thai-nguyen' }, { id: 'ha-giang' }] });
    const end = speak(conf, 'thai-nguyen', T0 + 1000, 200);
    speak(conf, 'ha-giang', end, 100);
    // The opening item comes first in the agenda: it is the later one's predecessor only when it has a budget too.
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'khai-mac', unit: 'point', split: 'equal', totalS: 100, shares: [{ id: 'thai-nguyen' }, { id: 'ha-giang' }] });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300, shares: [{ id: 'thai-nguyen' }, { id: 'ha-giang' }], carryOver: true });
    expect(lines(conf).map((l) => [l.id, l.carriedMs / S, l.remainingMs / S])).toEqual([['thai-nguyen', 50, 0], ['ha-giang', 50, 100]]);
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300, shares: [{ id: 'thai-nguyen' }, { id: 'ha-giang' }] });
    expect(lines(conf).map((l) => l.carriedMs)).toEqual([0, 0]);
  });

  it('TB5: overruns carry as debt', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'khai-mac' });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'khai-mac', unit: 'point', split: 'manual', shares: [{ id: 'thai-nguyen', value: 60 }] });
    const end = speak(conf, 'thai-nguyen', T0 + 1000, 90);
    conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' }, end);
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'manual', shares: [{ id: 'thai-nguyen', value: 120 }], carryOver: true }, end);
    expect(line(conf, 'thai-nguyen')).toMatchObject({ carriedMs: -30 * S, remainingMs: 90 * S });
  });

  it('TB7: a request from a point with no time left is accepted into the queue and flagged for the chair', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 200, shares: [{ id: 'thai-nguyen' }, { id: 'ha-giang' }] });
    const end = speak(conf, 'thai-nguyen', T0 + 1000, 100);
    const again = conf.run(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate }, end);
    expect(again.ok).toBe(true);
    const ledgers = budgetLedger(conf.state);
    expect(isOverBudget(activeLineOf(conf.state, ledgers, 'thai-nguyen'))).toBe(true);
    expect(isOverBudget(activeLineOf(conf.state, ledgers, 'ha-giang'))).toBe(false);
    expect(isOverBudget(activeLineOf(conf.state, ledgers, 'bac-kan'))).toBe(false);
  });

  it.each([
    ['secretary', ACTORS.secretary],
    ['point', ACTORS.thaiNguyen],
    ['display', ACTORS.display],
  ] as const)('TB8: the %s may neither set budgets nor add time', (_label, actor) => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300 });
    const before = conf.state;
    for (const cmd of [
      { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 900 },
      { type: 'budget.addTime', target: { kind: 'all' }, seconds: 60 },
      { type: 'budget.defineGroups', groups: GROUPS },
      { type: 'budget.clear', itemId: 'thao-luan' },
    ] as const) expect(conf.run(actor, cmd)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(conf.state).toBe(before);
  });

  it('TB8: the organiser sets budgets before the start; only the chair adds time; after the end nothing changes', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.organiser, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'equal', totalS: 600 });
    expect(conf.run(ACTORS.organiser, { type: 'budget.addTime', itemId: 'thao-luan', target: { kind: 'all' }, seconds: 60 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    conf.must(ACTORS.chair, { type: 'conference.start' });
    conf.must(ACTORS.chair, { type: 'conference.end' });
    expect(conf.run(ACTORS.organiser, { type: 'budget.clear', itemId: 'thao-luan' })).toMatchObject({ ok: false, error: { reason: 'CONFERENCE_ENDED' } });
  });

  it('TB2: clearing an item\'s budget removes it; the spoken time stays in the speeches', () => {
    const conf = liveOnDiscussion();
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300 });
    speak(conf, 'ha-giang', T0 + 1000, 30);
    conf.must(ACTORS.chair, { type: 'budget.clear', itemId: 'thao-luan' });
    expect(budgetLedger(conf.state).has('thao-luan')).toBe(false);
    expect(conf.run(ACTORS.chair, { type: 'budget.clear', itemId: 'thao-luan' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    conf.must(ACTORS.chair, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 300 });
    expect(line(conf, 'ha-giang')?.usedMs).toBe(30 * S);
  });

  it('TB9: an item\'s time spreads over the articles its speeches named, shared equally within a speech; silent articles listed', () => {
    const conf = liveOnDiscussion();
    const end = speak(conf, 'thai-nguyen', T0 + 1000, 120, { articles: [{ article: 1 }, { article: 1, clause: 2 }, { article: 3 }] });
    const end2 = speak(conf, 'ha-giang', end, 60, { articles: [{ article: 3 }] });
    speak(conf, 'bac-kan', end2, 45);
    const spread = articleTime(conf.state, 'thao-luan', end2 + 100 * S);
    expect(spread.articles.map((a) => [a.article, a.ms / S, a.speeches])).toEqual([[1, 60, 1], [2, 0, 0], [3, 120, 2]]);
    expect(spread.unnamedMs).toBe(45 * S);
    expect(spread.silent).toEqual([2]);
  });

  it('TB2: splitting by weight never loses or invents a second, ties go to the earlier taker', () => {
    expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeight(7, [0, 0])).toEqual([0, 0]);
    expect(splitByWeight(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
  });
});
