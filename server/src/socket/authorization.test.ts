import { alignDrafts, COMMAND_TYPES, DraftSchema, PERMISSIONS, type CommandType, type Role } from '@diem-cau/shared';
import type { TestClient } from '../testing/testClient';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TestHub } from '../testing/testHub';

interface Ctx { own: string; other: string; speech: string; comment: string; written: string; written2: string; consultation: string }

/** A command of each type that is valid in the prepared conference, issued on behalf of Thái Nguyên where it matters. */
const COMMANDS: Record<CommandType, (c: Ctx) => Record<string, unknown>> = {
  'conference.start': () => ({ type: 'conference.start' }),
  'conference.end': () => ({ type: 'conference.end' }),
  'conference.configure': () => ({ type: 'conference.configure', setup: { ...FIXTURE_SETUP, title: 'Hội nghị (đã sửa)' } }),
  'conference.archive': () => ({ type: 'conference.archive' }),
  'discussion.setMode': () => ({ type: 'discussion.setMode', mode: 'open' }),
  'settings.update': () => ({ type: 'settings.update', defaultSpeechS: 240 }),
  'agenda.activate': () => ({ type: 'agenda.activate', itemId: 'thao-luan' }),
  'point.ready': () => ({ type: 'point.ready', pointId: 'thai-nguyen', ready: true }),
  'floor.request': () => ({ type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Đại biểu' } }),
  'floor.withdraw': (c) => ({ type: 'floor.withdraw', requestId: c.own }),
  'floor.accept': (c) => ({ type: 'floor.accept', requestId: c.other }),
  'floor.reorder': (c) => ({ type: 'floor.reorder', requestId: c.other, toIndex: 0 }),
  'floor.grant': (c) => ({ type: 'floor.grant', requestId: c.other }),
  'floor.deny': (c) => ({ type: 'floor.deny', requestId: c.other }),
  'floor.release': (c) => ({ type: 'floor.release', speechId: c.speech }),
  'floor.revoke': (c) => ({ type: 'floor.revoke', speechId: c.speech }),
  'floor.extend': (c) => ({ type: 'floor.extend', speechId: c.speech, seconds: 60 }),
  'floor.pause': (c) => ({ type: 'floor.pause', speechId: c.speech }),
  'floor.resume': (c) => ({ type: 'floor.resume', speechId: c.speech }),
  'floor.timeUp': (c) => ({ type: 'floor.timeUp', speechId: c.speech, deadline: 0 }),
  'queue.close': () => ({ type: 'queue.close' }),
  'queue.open': () => ({ type: 'queue.open' }),
  'comment.log': () => ({ type: 'comment.log', pointId: 'thai-nguyen', kind: 'propose', text: 'Góp ý bằng văn bản', source: 'written' }),
  'comment.edit': (c) => ({ type: 'comment.edit', commentId: c.written, text: 'Sửa' }),
  'comment.retract': (c) => ({ type: 'comment.retract', commentId: c.written }),
  'comment.respond': (c) => ({ type: 'comment.respond', commentId: c.written, status: 'accepted' }),
  'comment.merge': (c) => ({ type: 'comment.merge', commentId: c.written2, intoId: c.written }),
  'budget.defineGroups': () => ({ type: 'budget.defineGroups', groups: [{ id: 'khoi-a', name: 'Khối A', pointIds: ['thai-nguyen'] }] }),
  'budget.allocate': () => ({ type: 'budget.allocate', itemId: 'thao-luan', unit: 'point', split: 'equal', totalS: 600 }),
  'budget.addTime': () => ({ type: 'budget.addTime', itemId: 'thao-luan', target: { kind: 'all' }, seconds: 60 }),
  'budget.clear': () => ({ type: 'budget.clear', itemId: 'thao-luan' }),
  'consultation.open': () => ({ type: 'consultation.open', kind: 'approval', article: 2, timeLimitS: 60 }),
  'consultation.answer': (c) => ({ type: 'consultation.answer', consultationId: c.consultation, pointId: 'thai-nguyen', optionId: 'agree', reason: 'Đồng ý' }),
  'consultation.close': (c) => ({ type: 'consultation.close', consultationId: c.consultation }),
  'consultation.showNames': (c) => ({ type: 'consultation.showNames', consultationId: c.consultation, shown: false }),
  'draft.confirmRevision': () => {
    const draft = DraftSchema.parse(FIXTURE_SETUP.draft);
    return { type: 'draft.confirmRevision', draft, alignment: alignDrafts(draft, draft) };
  },
};

type Who = { label: string; role: Role; pointId?: string; owner: boolean };
const WHO: Who[] = [
  { label: 'display', role: 'display', owner: false },
  { label: 'organiser', role: 'organiser', owner: false },
  { label: 'secretary', role: 'secretary', owner: false },
  { label: 'point (other)', role: 'point', pointId: 'ha-giang', owner: false },
  { label: 'point (owner)', role: 'point', pointId: 'thai-nguyen', owner: true },
  { label: 'chair', role: 'chair', owner: false },
];

function expected(type: CommandType, who: Who): 'FORBIDDEN' | 'allowed' {
  const p = PERMISSIONS[type][who.role];
  return p === 'any' || (p === 'own' && who.owner) ? 'allowed' : 'FORBIDDEN';
}

async function prepare(hub: TestHub, type: CommandType) {
  const { joinCodes } = await hub.createConference();
  const clients = new Map<string, TestClient>();
  for (const who of WHO) clients.set(who.label, await hub.join(joinCodes, who));
  const chair = clients.get('chair') as TestClient;
  const tn = clients.get('point (owner)') as TestClient;
  const ids = (r: { ok: boolean }, cmd: Record<string, unknown>) => (r.ok ? String(cmd.commandId) : '');
  const run = async (c: TestClient, cmd: Record<string, unknown>) => ids(await c.send({ conferenceId: c.conferenceId, ...cmd }), cmd);
  const uuid = () => crypto.randomUUID();
  const live = type !== 'conference.start' && type !== 'conference.configure';
  if (live) await chair.command({ type: 'conference.start' });
  const first = await run(tn, { type: 'floor.request', commandId: uuid(), pointId: 'thai-nguyen', delegate: { name: 'A' } });
  const other = await run(chair, { type: 'floor.request', commandId: uuid(), pointId: 'ha-giang', delegate: { name: 'B' } });
  const speech = !live ? '' : await run(chair, { type: 'floor.grant', commandId: uuid(), requestId: first });
  const own = await run(tn, { type: 'floor.request', commandId: uuid(), pointId: 'thai-nguyen', delegate: { name: 'C' } });
  const written = await run(tn, { type: 'comment.log', commandId: uuid(), pointId: 'thai-nguyen', kind: 'agree', text: 'W', source: 'written' });
  const written2 = await run(tn, { type: 'comment.log', commandId: uuid(), pointId: 'thai-nguyen', kind: 'agree', text: 'W2', source: 'written' });
  const consultation = !live || type === 'consultation.open' ? '' : await run(chair, { type: 'consultation.open', commandId: uuid(), kind: 'approval', article: 1 });
  if (type === 'floor.resume') await chair.command({ type: 'floor.pause', speechId: speech });
  if (type === 'queue.open') await chair.command({ type: 'queue.close' });
  if (type === 'conference.archive') await chair.command({ type: 'conference.end' });
  if (type !== 'settings.update') await chair.command({ type: 'settings.update', maxOpenRequestsPerPoint: 5 });
  return { clients, ctx: { own, other, speech, comment: written, written, written2, consultation } };
}

describe('authorization matrix over the socket', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub.stop();
  });

  it.each(COMMAND_TYPES.map((t) => [t]))('A1: %s is allowed or FORBIDDEN for each role exactly as the matrix says', async (type) => {
    const { clients, ctx } = await prepare(hub, type);
      for (const who of WHO) {
      const client = clients.get(who.label) as TestClient;
      const room = await hub.hub.hub.room(client.conferenceId);
      const before = room?.state.seq;
      const res = await client.command(COMMANDS[type](ctx));
      const code = res.ok ? 'ok' : `${res.error.code} ${res.error.message}`;
      if (expected(type, who) === 'FORBIDDEN') {
        expect(`${who.label}: ${code}`).toMatch(new RegExp(`^${who.label.replace(/[()]/g, '.')}: FORBIDDEN`));
        expect(room?.state.seq).toBe(before);
      } else {
        expect(`${who.label}: ${code}`).not.toBe(`${who.label}: FORBIDDEN`);
      }
    }
  });

  it('A2: every allowed role really succeeds on a fresh conference (the matrix is not only refusals)', async () => {
    for (const type of ['floor.request', 'comment.log', 'point.ready', 'floor.release', 'consultation.answer'] as const) {
      for (const who of WHO.filter((w) => expected(type, w) === 'allowed')) {
        const { clients, ctx } = await prepare(hub, type);
        const res = await (clients.get(who.label) as TestClient).command(COMMANDS[type](ctx));
        expect(`${type} by ${who.label}: ${res.ok ? 'ok' : res.error.code}`).toBe(`${type} by ${who.label}: ok`);
      }
    }
  });
});
