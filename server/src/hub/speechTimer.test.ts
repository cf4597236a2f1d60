import { ManualClock } from '../testing/manualClock';
import { TestHub, type JoinCodeInfo } from '../testing/testHub';
import type { TestClient } from '../testing/testClient';

describe('speech timer in the hub', () => {
  let hub: TestHub;
  let clock: ManualClock;
  let chair: TestClient;
  let display: TestClient;
  let codes: JoinCodeInfo[];

  async function startSpeech(limitS: number) {
    await chair.command({ type: 'conference.start' });
    const req = await chair.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng' } });
    expect(req.ok).toBe(true);
    await chair.waitForSeq(req.ok ? req.seq : 0);
    const requestId = chair.state?.queue[0];
    const grant = await chair.command({ type: 'floor.grant', requestId, limitS });
    await display.waitForSeq(grant.ok ? grant.seq : 0);
    return display.state?.currentSpeechId ?? '';
  }

  beforeEach(async () => {
    clock = new ManualClock();
    hub = await TestHub.start({ clock });
    codes = (await hub.createConference()).joinCodes;
    chair = await hub.join(codes, { role: 'chair' });
    display = await hub.join(codes, { role: 'display' });
  });
  afterEach(async () => {
    await hub.stop();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  };

  it('F17: at the limit the hub warns once; an extension moves the deadline and warns again later', async () => {
    const speechId = await startSpeech(60);
    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(display.received.some((e) => e.type === 'floor.timeWarned')).toBe(false);
    clock.advance(1_000);
    await until(() => display.received.filter((e) => e.type === 'floor.timeWarned').length === 1);
    expect(display.state?.currentSpeechId).toBe(speechId);
    const ext = await chair.command({ type: 'floor.extend', speechId, seconds: 30 });
    expect(ext.ok).toBe(true);
    clock.advance(30_000);
    await until(() => display.received.filter((e) => e.type === 'floor.timeWarned').length === 2);
    expect(display.received.filter((e) => e.type === 'floor.timeWarned').every((e) => e.actor.role === 'system')).toBe(true);
  });

  it('F17: with autoEndSpeech the hub ends the speech at its limit', async () => {
    await chair.command({ type: 'settings.update', autoEndSpeech: true });
    await startSpeech(45);
    clock.advance(45_000);
    await until(() => display.state?.currentSpeechId === undefined);
    const ended = display.received.find((e) => e.type === 'floor.released');
    expect(ended).toMatchObject({ payload: { reason: 'timeout' }, actor: { role: 'system' } });
  });

  it('F17: a paused speech has no timer; a speech ended early cancels its timer', async () => {
    const speechId = await startSpeech(60);
    await chair.command({ type: 'floor.pause', speechId });
    await new Promise((r) => setTimeout(r, 50));
    expect(clock.pending()).toBe(0);
    await chair.command({ type: 'floor.resume', speechId });
    await new Promise((r) => setTimeout(r, 50));
    expect(clock.pending()).toBe(1);
    await chair.command({ type: 'floor.release', speechId });
    await new Promise((r) => setTimeout(r, 50));
    expect(clock.pending()).toBe(0);
  });
});
