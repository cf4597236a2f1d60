import { ACTORS, FIXTURE_SETUP, FixtureConference } from '../testing/conferenceFixture';
import { budgetLedger } from './budgetLedger';

const GROUPS = [
  { id: 'khoi-a', name: 'Khối tỉnh ủy phía Bắc', pointIds: ['thai-nguyen', 'ha-giang'] },
  { id: 'khoi-b', name: 'Khối đảng ủy trực thuộc', pointIds: ['bac-kan'] },
];

/** The fixture's setup without Bắc Kạn, and with the opening item renamed away (another id). */
const WITHOUT_BAC_KAN = {
  ...FIXTURE_SETUP,
  points: FIXTURE_SETUP.points.filter((p) => p.id !== 'bac-kan'),
  agenda: (FIXTURE_SETUP.agenda ?? []).map((a) => (a.id === 'khai-mac' ? { ...a, id: 'khai-mac-2' } : a)),
};

function budgeted() {
  const conf = new FixtureConference();
  conf.must(ACTORS.organiser, { type: 'budget.defineGroups', groups: GROUPS });
  conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'manual', shares: [{ id: 'thai-nguyen', value: 300 }, { id: 'ha-giang', value: 200 }, { id: 'bac-kan', value: 100 }] });
  conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'khai-mac', unit: 'group', split: 'equal', totalS: 120 });
  return conf;
}

describe('TB12: a new setup before the start leaves no stale speaking-time lines', () => {
  it('a point that goes leaves its group and its shares; a budget of an item that goes goes; totals follow', () => {
    const conf = budgeted();
    conf.must(ACTORS.organiser, { type: 'conference.configure', setup: WITHOUT_BAC_KAN });
    expect(conf.state.budgetGroups.list().map((g) => [g.id, g.pointIds])).toEqual([['khoi-a', ['thai-nguyen', 'ha-giang']]]);
    expect(conf.state.budgets.list().map((b) => b.id)).toEqual(['thao-luan']);
    const budget = conf.state.budgets.get('thao-luan');
    expect(budget?.shares.map((s) => [s.id, s.allocatedS])).toEqual([['thai-nguyen', 300], ['ha-giang', 200]]);
    expect(budget?.totalS).toBe(500);
    const ledger = budgetLedger(conf.state).get('thao-luan');
    expect(ledger?.lines.map((l) => l.id)).not.toContain('bac-kan');
  });

  it('a setup that changes nothing the budgets use leaves them as they were (same objects)', () => {
    const conf = budgeted();
    const before = conf.state;
    conf.must(ACTORS.organiser, { type: 'conference.configure', setup: { ...FIXTURE_SETUP, title: 'Hội nghị (sửa tên)' } });
    expect(conf.state.budgets).toBe(before.budgets);
    expect(conf.state.budgetGroups).toBe(before.budgetGroups);
  });

  it('a group whose every point goes goes, and a budget by groups keeps the groups that stay', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.organiser, { type: 'budget.defineGroups', groups: GROUPS });
    conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'group', split: 'equal', totalS: 600 });
    conf.must(ACTORS.organiser, { type: 'conference.configure', setup: WITHOUT_BAC_KAN });
    expect(conf.state.budgets.get('thao-luan')?.shares.map((s) => [s.id, s.allocatedS])).toEqual([['khoi-a', 300]]);
    expect(conf.state.budgets.get('thao-luan')?.totalS).toBe(300);
  });
});
