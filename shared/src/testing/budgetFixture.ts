import { ACTORS, FixtureConference, T0 } from './conferenceFixture';

const delegate = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
const S = 1000;

/** An ended conference whose discussion item is budgeted per point over three points, one group of two; Thái Nguyên overruns and gets 20 s more. */
export function budgetedConference(): FixtureConference {
  const conf = new FixtureConference();
  conf.must(ACTORS.organiser, { type: 'budget.defineGroups', groups: [{ id: 'khoi-a', name: 'Khối tỉnh ủy phía Bắc', pointIds: ['thai-nguyen', 'ha-giang'] }] });
  conf.must(ACTORS.organiser, { type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 360 });
  conf.must(ACTORS.chair, { type: 'conference.start' });
  conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' });
  let at = T0 + 10 * S;
  for (const [actor, pointId, spokenS, articles] of [[ACTORS.thaiNguyen, 'thai-nguyen', 150, [{ article: 1 }]], [ACTORS.haGiang, 'ha-giang', 60, []]] as const) {
    const [requested] = conf.must(actor, { type: 'floor.request', pointId, delegate, articles: [...articles] }, at);
    if (requested?.type !== 'floor.requested') throw new Error('no request');
    const [granted] = conf.must(ACTORS.chair, { type: 'floor.grant', requestId: requested.payload.requestId }, at);
    if (granted?.type !== 'floor.granted') throw new Error('no grant');
    at += spokenS * S;
    conf.must(ACTORS.chair, { type: 'floor.release', speechId: granted.payload.speechId }, at);
  }
  conf.must(ACTORS.chair, { type: 'budget.addTime', target: { kind: 'point', pointId: 'thai-nguyen' }, seconds: 20 }, at);
  conf.must(ACTORS.chair, { type: 'conference.end' }, at + S);
  return conf;
}
