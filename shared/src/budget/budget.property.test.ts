import fc from 'fast-check';
import type { Actor } from '../protocol/actor';
import { replay } from '../protocol/apply';
import type { StoredEvent } from '../protocol/events';
import { ACTORS, FixtureConference, T0, type CommandDraft } from '../testing/conferenceFixture';
import { budgetLedger } from './budgetLedger';

const POINTS = ['thai-nguyen', 'ha-giang', 'bac-kan', 'tw'];
const GROUPS = [
  { id: 'khoi-a', name: 'Khối A', pointIds: ['thai-nguyen', 'ha-giang'] },
  { id: 'khoi-b', name: 'Khối B', pointIds: ['bac-kan'] },
];
const KINDS = ['allocate', 'allocate', 'addTime', 'clear', 'groups', 'request', 'grant', 'grant', 'pause', 'resume', 'release', 'release', 'activate'] as const;
type Intent = { kind: (typeof KINDS)[number]; pick: number; dt: number; flag: boolean; weights: number[] };

const intentArb: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constantFrom(...KINDS),
  pick: fc.nat(50),
  dt: fc.integer({ min: 0, max: 200_000 }),
  flag: fc.boolean(),
  weights: fc.array(fc.nat(900), { minLength: 1, maxLength: 4 }),
});

function allocation(i: Intent): CommandDraft {
  const unit = i.flag ? 'group' : 'point';
  const ids = unit === 'group' ? GROUPS.map((g) => g.id) : POINTS;
  const shares = i.weights.map((value, k) => ({ id: ids[(i.pick + k) % ids.length] ?? 'tw', value })).filter((s, k, all) => all.findIndex((x) => x.id === s.id) === k);
  const split = (['equal', 'proportional', 'manual'] as const)[i.pick % 3] ?? 'equal';
  return { type: 'budget.allocate', itemId: i.pick % 2 === 0 ? 'thao-luan' : 'khai-mac', unit, split, totalS: i.weights[0] ?? 0, shares: i.pick % 5 === 0 ? [] : shares, carryOver: i.pick % 4 === 0 };
}

function commandFor(conf: FixtureConference, i: Intent): [Actor, CommandDraft] {
  const s = conf.state;
  const speechId = s.currentSpeechId ?? 'none';
  const pointId = POINTS[i.pick % POINTS.length] ?? 'tw';
  switch (i.kind) {
    case 'allocate': return [i.pick % 7 === 0 ? ACTORS.organiser : ACTORS.chair, allocation(i)];
    case 'addTime': {
      const target = [{ kind: 'all' as const }, { kind: 'point' as const, pointId }, { kind: 'group' as const, groupId: i.flag ? 'khoi-a' : 'khoi-b' }][i.pick % 3] ?? { kind: 'all' as const };
      return [i.pick % 9 === 0 ? ACTORS.thaiNguyen : ACTORS.chair, { type: 'budget.addTime', target, seconds: 10 + (i.pick % 100) }];
    }
    case 'clear': return [ACTORS.chair, { type: 'budget.clear', itemId: i.flag ? 'thao-luan' : 'khai-mac' }];
    case 'groups': return [ACTORS.chair, { type: 'budget.defineGroups', groups: i.flag ? GROUPS : [] }];
    case 'request': return [ACTORS.chair, { type: 'floor.request', pointId, delegate: { name: 'Đại biểu' }, articles: [{ article: (i.pick % 3) + 1 }] }];
    case 'grant': return [ACTORS.chair, s.queue[0] && !i.flag ? { type: 'floor.grant', requestId: s.queue[0] } : { type: 'floor.grant', self: true }];
    case 'pause': return [ACTORS.chair, { type: 'floor.pause', speechId }];
    case 'resume': return [ACTORS.chair, { type: 'floor.resume', speechId }];
    case 'release': return [ACTORS.chair, { type: 'floor.release', speechId }];
    case 'activate': return [ACTORS.chair, { type: 'agenda.activate', itemId: i.flag ? 'khai-mac' : 'thao-luan' }];
  }
}

/** Spoken ms per (item, point) read straight from the log, independently of the state's clock arithmetic. */
function spokenFromLog(log: readonly StoredEvent[]): Map<string, number> {
  const spoken = new Map<string, number>();
  const open = new Map<string, { key: string; from: number; running: boolean; ms: number }>();
  let item: string | undefined;
  for (const e of log) {
    if (e.type === 'agenda.activated') item = e.payload.itemId;
    if (e.type === 'floor.granted' && item) open.set(e.payload.speechId, { key: `${item}/${e.payload.pointId}`, from: e.at, running: true, ms: 0 });
    const id = 'payload' in e && 'speechId' in e.payload ? e.payload.speechId : undefined;
    const sp = id === undefined ? undefined : open.get(id);
    if (!sp) continue;
    if (e.type === 'floor.paused') Object.assign(sp, { ms: sp.ms + e.at - sp.from, running: false });
    if (e.type === 'floor.resumed') Object.assign(sp, { from: e.at, running: true });
    if (e.type === 'floor.released' || e.type === 'floor.revoked') {
      const ms = sp.ms + (sp.running ? e.at - sp.from : 0);
      spoken.set(sp.key, (spoken.get(sp.key) ?? 0) + ms);
      if (id !== undefined) open.delete(id);
    }
  }
  return spoken;
}

function checkLedger(conf: FixtureConference) {
  const spoken = spokenFromLog(conf.log);
  for (const [itemId, ledger] of budgetLedger(conf.state)) {
    const budget = conf.state.budgets.get(itemId);
    expect(budget?.shares.reduce((a, s) => a + s.allocatedS, 0)).toBe(budget?.totalS);
    for (const line of ledger.lines) {
      expect(line.remainingMs).toBe(line.allocatedMs + line.carriedMs + line.addedMs - line.usedMs);
      expect(line.usedMs).toBe(line.pointIds.reduce((a, p) => a + (spoken.get(`${itemId}/${p}`) ?? 0), 0));
      if (!ledger.carryOver) expect(line.carriedMs).toBe(0);
    }
  }
}

function checkAllocation(conf: FixtureConference, cmd: Extract<CommandDraft, { type: 'budget.allocate' }>) {
  const budget = conf.state.budgets.get(cmd.itemId);
  const parts = budget?.shares.map((s) => s.allocatedS) ?? [];
  if (cmd.split !== 'manual') expect(budget?.totalS).toBe(cmd.totalS);
  if (cmd.split === 'equal') expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
}

describe('speaking-time budgets under any sequence', () => {
  it('TB2 TB3 TB4 L1: parts sum to the total, each line is allocated + carried + added − spoken (from the log), refusals change nothing, replay agrees', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 60 }), (intents) => {
        const conf = new FixtureConference();
        conf.must(ACTORS.chair, { type: 'conference.start' });
        conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' });
        let now = T0;
        for (const intent of intents) {
          now += intent.dt;
          const [actor, cmd] = commandFor(conf, intent);
          const before = conf.state;
          const decision = conf.run(actor, cmd, now);
          if (!decision.ok) expect(conf.state).toBe(before);
          if (decision.ok && cmd.type === 'budget.allocate') checkAllocation(conf, cmd);
        }
        checkLedger(conf);
        expect(JSON.stringify(replay(conf.log))).toBe(JSON.stringify(conf.state));
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
