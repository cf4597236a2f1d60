import { currentSpeech } from '../conference/state';
import { ACTORS, FixtureConference, T0 } from '../testing/conferenceFixture';
import { remainingMs } from './speechClock';

const delegate = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };

function liveConference() {
  const conf = new FixtureConference();
  conf.must(ACTORS.chair, { type: 'conference.start' });
  return conf;
}

function request(conf: FixtureConference, actor: { role: 'point'; pointId: string; sessionId: string } = ACTORS.thaiNguyen, priority: 'normal' | 'reply' | 'order' = 'normal') {
  const events = conf.must(actor, { type: 'floor.request', pointId: actor.pointId, delegate, articles: [{ article: 1 }], topic: 'Phạm vi', priority });
  const requested = events[0];
  if (requested?.type !== 'floor.requested') throw new Error('no request');
  return requested.payload.requestId;
}

describe('floor requests', () => {
  it('F1: a point request is queued at once (pending then accepted) in arrival order', () => {
    const conf = liveConference();
    const a = request(conf, ACTORS.thaiNguyen);
    const b = request(conf, ACTORS.haGiang);
    expect(conf.state.queue).toEqual([a, b]);
    expect(conf.state.requests.get(a)?.status).toBe('accepted');
    expect(conf.log.slice(-2).map((e) => e.type)).toEqual(['floor.requested', 'floor.accepted']);
  });

  it('F2: with moderated requests a point request stays pending until the chair accepts it', () => {
    const conf = liveConference();
    conf.state = { ...conf.state, settings: { ...conf.state.settings, moderatedRequests: true } };
    const a = request(conf);
    expect(conf.state.requests.get(a)?.status).toBe('pending');
    expect(conf.state.queue).toEqual([]);
    conf.must(ACTORS.chair, { type: 'floor.accept', requestId: a });
    expect(conf.state.queue).toEqual([a]);
  });

  it('F3: a point holds at most maxOpenRequestsPerPoint open requests', () => {
    const conf = liveConference();
    request(conf);
    request(conf);
    const third = conf.run(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate });
    expect(third).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('F4: a point may not request the floor for another point; the chair may, on its behalf', () => {
    const conf = liveConference();
    expect(conf.run(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'ha-giang', delegate })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const events = conf.must(ACTORS.chair, { type: 'floor.request', pointId: 'ha-giang', delegate });
    expect(events[0]).toMatchObject({ type: 'floor.requested', payload: { pointId: 'ha-giang', onBehalf: true } });
  });

  it('F5: points of order go first, replies after them, normal requests last', () => {
    const conf = liveConference();
    const normal = request(conf, ACTORS.thaiNguyen, 'normal');
    const reply = request(conf, ACTORS.haGiang, 'reply');
    const order = request(conf, ACTORS.thaiNguyen, 'order');
    expect(conf.state.queue).toEqual([order, reply, normal]);
  });

  it('F6: a closed list refuses point requests but not the chair', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'queue.close' });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.chair, { type: 'floor.request', pointId: 'thai-nguyen', delegate });
    conf.must(ACTORS.chair, { type: 'queue.open' });
    expect(conf.state.queueOpen).toBe(true);
  });

  it('F7: a request naming an article the draft lacks is INVALID', () => {
    const conf = liveConference();
    const d = conf.run(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate, articles: [{ article: 99 }] });
    expect(d).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('F8: a point withdraws its own request; a withdrawn request is never granted', () => {
    const conf = liveConference();
    const a = request(conf);
    expect(conf.run(ACTORS.haGiang, { type: 'floor.withdraw', requestId: a })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    conf.must(ACTORS.thaiNguyen, { type: 'floor.withdraw', requestId: a });
    expect(conf.state.queue).toEqual([]);
    expect(conf.run(ACTORS.chair, { type: 'floor.grant', requestId: a })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('F9: the chair moves a request to another place and denies another', () => {
    const conf = liveConference();
    const a = request(conf, ACTORS.thaiNguyen);
    const b = request(conf, ACTORS.haGiang);
    conf.must(ACTORS.chair, { type: 'floor.reorder', requestId: b, toIndex: 0 });
    expect(conf.state.queue).toEqual([b, a]);
    expect(conf.run(ACTORS.chair, { type: 'floor.reorder', requestId: b, toIndex: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.chair, { type: 'floor.deny', requestId: a, reason: 'Hết thời gian' });
    expect(conf.state.requests.get(a)).toMatchObject({ status: 'denied', reason: 'Hết thời gian' });
  });
});

describe('speeches', () => {
  it('F10: granting starts a speech with the default limit and takes the request off the queue', () => {
    const conf = liveConference();
    const a = request(conf);
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: a }, T0 + 1000);
    const speech = currentSpeech(conf.state);
    expect(speech).toMatchObject({ pointId: 'thai-nguyen', limitS: 300, startedAt: T0 + 1000, requestId: a });
    expect(conf.state.queue).toEqual([]);
    expect(conf.state.requests.get(a)?.status).toBe('granted');
  });

  it('F11: one floor holder: granting the next request ends the current speech first', () => {
    const conf = liveConference();
    const a = request(conf, ACTORS.thaiNguyen);
    const b = request(conf, ACTORS.haGiang);
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: a });
    const first = conf.state.currentSpeechId;
    const events = conf.must(ACTORS.chair, { type: 'floor.grant', requestId: b }, T0 + 60_000);
    expect(events.map((e) => e.type)).toEqual(['floor.released', 'floor.granted']);
    expect(conf.state.speeches.get(first ?? '')?.status).toEqual({ kind: 'ended', endedAt: T0 + 60_000, reason: 'next' });
    expect(conf.state.requests.get(a)?.status).toBe('released');
    expect(currentSpeech(conf.state)?.pointId).toBe('ha-giang');
  });

  it('F12: the floor is granted only while the conference is live', () => {
    const conf = new FixtureConference();
    const a = request(conf);
    expect(conf.run(ACTORS.chair, { type: 'floor.grant', requestId: a })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('F13: the chair may take the floor for the central point', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'floor.grant', self: true });
    expect(currentSpeech(conf.state)).toMatchObject({ pointId: 'tw', delegate: { name: 'Nguyễn Quang Dương' } });
  });

  it('F14: extend adds seconds; pause stops the clock; resume restarts it', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: request(conf), limitS: 120 }, T0);
    const id = conf.state.currentSpeechId ?? '';
    conf.must(ACTORS.chair, { type: 'floor.extend', speechId: id, seconds: 60 }, T0 + 10_000);
    conf.must(ACTORS.chair, { type: 'floor.pause', speechId: id }, T0 + 30_000);
    expect(conf.run(ACTORS.chair, { type: 'floor.pause', speechId: id })).toMatchObject({ ok: false });
    conf.must(ACTORS.chair, { type: 'floor.resume', speechId: id }, T0 + 90_000);
    const speech = currentSpeech(conf.state);
    if (!speech) throw new Error('no speech');
    // 180 s allowed, 30 s spoken before the pause, 10 s after it.
    expect(remainingMs(speech, T0 + 100_000)).toBe(140_000);
  });

  it('F15: the speaking point may end its own speech; another point may not', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: request(conf) });
    const id = conf.state.currentSpeechId ?? '';
    expect(conf.run(ACTORS.haGiang, { type: 'floor.release', speechId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    conf.must(ACTORS.thaiNguyen, { type: 'floor.release', speechId: id });
    expect(conf.state.currentSpeechId).toBeUndefined();
  });

  it('F16: revoke ends the speech and marks the request revoked, keeping the chair’s reason for the point', () => {
    const conf = liveConference();
    const a = request(conf);
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: a });
    conf.must(ACTORS.chair, { type: 'floor.revoke', speechId: conf.state.currentSpeechId ?? '', reason: 'Lạc đề' });
    expect(conf.state.requests.get(a)).toMatchObject({ status: 'revoked', reason: 'Lạc đề' });
    expect(conf.state.currentSpeechId).toBeUndefined();
    // A speech that simply ends keeps no reason on its request.
    const b = request(conf);
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: b });
    conf.must(ACTORS.chair, { type: 'floor.release', speechId: conf.state.currentSpeechId ?? '' });
    expect(conf.state.requests.get(b)?.status).toBe('released');
    expect(conf.state.requests.get(b)?.reason).toBeUndefined();
  });

  it('F17: the timer warns once at the deadline and, with autoEndSpeech, ends the speech', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: request(conf), limitS: 60 }, T0);
    const speechId = conf.state.currentSpeechId ?? '';
    const system = { role: 'system', sessionId: 'system' } as const;
    expect(conf.run(system, { type: 'floor.timeUp', speechId, deadline: T0 + 60_000 }, T0 + 59_000)).toMatchObject({ ok: false });
    expect(conf.must(system, { type: 'floor.timeUp', speechId, deadline: T0 + 60_000 }, T0 + 60_000).map((e) => e.type)).toEqual(['floor.timeWarned']);
    expect(conf.run(system, { type: 'floor.timeUp', speechId, deadline: T0 + 60_000 }, T0 + 61_000)).toMatchObject({ ok: false });

    const auto = liveConference();
    auto.state = { ...auto.state, settings: { ...auto.state.settings, autoEndSpeech: true } };
    auto.must(ACTORS.chair, { type: 'floor.grant', requestId: request(auto), limitS: 60 }, T0);
    const events = auto.must(system, { type: 'floor.timeUp', speechId: auto.state.currentSpeechId ?? '', deadline: T0 + 60_000 }, T0 + 60_000);
    expect(events.map((e) => e.type)).toEqual(['floor.timeWarned', 'floor.released']);
    expect(auto.state.currentSpeechId).toBeUndefined();
  });

  it('F18: ending the conference ends the current speech and closes the list', () => {
    const conf = liveConference();
    conf.must(ACTORS.chair, { type: 'floor.grant', requestId: request(conf) });
    expect(conf.must(ACTORS.chair, { type: 'conference.end' }).map((e) => e.type)).toEqual(['floor.released', 'conference.ended']);
    expect(conf.state).toMatchObject({ status: 'ended', queueOpen: false, currentSpeechId: undefined });
  });
});
