import { ManualClock } from '../testing/manualClock';
import { TestHub, type JoinCodeInfo } from '../testing/testHub';
import type { TestClient } from '../testing/testClient';

describe('a consultation’s time limit in the hub (PO17)', () => {
  let hub: TestHub;
  let clock: ManualClock;
  let chair: TestClient;
  let point: TestClient;
  let codes: JoinCodeInfo[];

  beforeEach(async () => {
    clock = new ManualClock();
    hub = await TestHub.start({ clock });
    codes = (await hub.createConference()).joinCodes;
    chair = await hub.join(codes, { role: 'chair' });
    point = await hub.join(codes, { role: 'point', pointId: 'thai-nguyen' });
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await hub.stop();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  };
  const closes = () => point.received.filter((e) => e.type === 'consultation.closed');

  async function consult(timeLimitS: number): Promise<{ id: string; closesAt: number }> {
    const opened = await chair.command({ type: 'consultation.open', kind: 'approval', article: 1, timeLimitS });
    await point.waitForSeq(opened.ok ? opened.seq : 0);
    const c = point.state?.consultations.list().at(-1);
    if (!c?.closesAt) throw new Error('no consultation with a time limit');
    return { id: c.id, closesAt: c.closesAt };
  }

  it('PO17: with no chair console left, the hub records the expiry at the deadline (closedAt = closesAt, by the system)', async () => {
    const { id, closesAt } = await consult(60);
    chair.close();
    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(closes()).toEqual([]);
    clock.advance(1_010);
    await until(() => closes().length === 1);
    expect(closes()[0]).toMatchObject({ actor: { role: 'system' }, payload: { consultationId: id, closedAt: closesAt, reason: 'expired' } });
    expect(point.state?.consultations.get(id)?.status).toEqual({ kind: 'closed', closedAt: closesAt, reason: 'expired' });
    // An answer after it is refused as closed.
    const late = await point.command({ type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'agree' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('PO17: the chair’s console closing at the same deadline writes nothing more; a consultation the chair closed early gets no second close', async () => {
    const first = await consult(30);
    // The hub's timer is due 5 ms past the deadline (AFTER_DEADLINE_MS); the test clock also runs in real time, so
    // advancing by exactly 30 s reached it only when the round trip above took over 5 ms.
    clock.advance(30_010);
    await until(() => closes().length === 1);
    // The chair's console (ExpiryRecorder) sends its close a moment later: already closed.
    expect(await chair.command({ type: 'consultation.close', consultationId: first.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const second = await consult(30);
    expect(await chair.command({ type: 'consultation.close', consultationId: second.id })).toMatchObject({ ok: true });
    await until(() => closes().length === 2);
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 150));
    expect(closes().map((e) => e.type === 'consultation.closed' && [e.payload.consultationId, e.payload.reason])).toEqual([[first.id, 'expired'], [second.id, 'chair']]);
  });
});
