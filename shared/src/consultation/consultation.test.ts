import { CommandSchema } from '../protocol/commands';
import { ACTORS, T0 } from '../testing/conferenceFixture';
import { liveWithAlternatives } from './consultationFixture';
import { closedAtOf, isOpenAt, tallyOf } from './consultationTally';

const S = 1000;
type Conf = ReturnType<typeof liveWithAlternatives>;

function open(conf: Conf, input: { kind: 'alternatives' | 'approval'; article: number; clause?: number; timeLimitS?: number; hideNames?: boolean }, at = T0) {
  const events = conf.must(ACTORS.chair, { type: 'consultation.open', ...input }, at);
  const opened = events.find((e) => e.type === 'consultation.opened');
  if (opened?.type !== 'consultation.opened') throw new Error('not opened');
  return opened.payload.consultationId;
}

const answer = (conf: Conf, consultationId: string, who: 'thaiNguyen' | 'haGiang', optionId: string, at = T0, reason = '') =>
  conf.run(ACTORS[who], { type: 'consultation.answer', consultationId, pointId: ACTORS[who].pointId, optionId, reason }, at);

describe('consultations (lấy ý kiến) and points’ positions', () => {
  it('PO1: opening on an article’s alternatives puts them to the points as "Phương án n", copied from the draft', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'alternatives', article: 2 });
    const c = conf.state.consultations.get(id);
    expect(c?.options.map((o) => [o.id, o.label, o.text])).toEqual([['pa1', 'Phương án 1', 'Giữ ba phó bí thư.'], ['pa2', 'Phương án 2', 'Giảm còn hai phó bí thư.']]);
    expect(c?.status).toEqual({ kind: 'open' });
  });

  it('PO1: a clause’s alternatives are its own; an article without two alternatives or an unknown article is refused', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'alternatives', article: 1, clause: 2 });
    expect(conf.state.consultations.get(id)?.options).toHaveLength(3);
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id });
    expect(conf.run(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CONSULTATION_NO_ALTERNATIVES' } });
    expect(conf.run(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 9 })).toMatchObject({ ok: false, error: { reason: 'ARTICLES_UNKNOWN' } });
    expect(conf.run(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 1, clause: 7 })).toMatchObject({ ok: false, error: { reason: 'ARTICLES_UNKNOWN' } });
  });

  it('PO2: a plain approval offers tán thành / không tán thành / ý kiến khác on any article', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 3 });
    expect(conf.state.consultations.get(id)?.options.map((o) => `${o.id}:${o.label}`)).toEqual(['agree:Tán thành', 'disagree:Không tán thành', 'other:Ý kiến khác']);
  });

  it('PO3: one consultation at a time; only the chair opens, closes and shows names', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1 });
    expect(conf.run(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 2 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CONSULTATION_ALREADY_OPEN' } });
    for (const actor of [ACTORS.thaiNguyen, ACTORS.secretary, ACTORS.display, ACTORS.organiser]) {
      expect(conf.run(actor, { type: 'consultation.close', consultationId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(conf.run(actor, { type: 'consultation.open', kind: 'approval', article: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('PO4: each point has one position, which a later answer replaces (with its reason) until the consultation closes', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'alternatives', article: 2 });
    expect(answer(conf, id, 'thaiNguyen', 'pa1', T0 + S, 'Giữ ổn định')).toMatchObject({ ok: true });
    expect(answer(conf, id, 'thaiNguyen', 'pa2', T0 + 2 * S, '  Tinh gọn bộ máy ')).toMatchObject({ ok: true });
    answer(conf, id, 'haGiang', 'pa2', T0 + 3 * S);
    const tally = tallyOf(conf.state, conf.state.consultations.get(id)!);
    expect(tally.options.map((o) => [o.option.id, o.count])).toEqual([['pa1', 0], ['pa2', 2]]);
    expect(tally.options[1]?.positions.map((p) => [p.pointName, p.reason, p.changes])).toEqual([
      ['Tỉnh ủy Hà Giang', '', 0], ['Tỉnh ủy Thái Nguyên', 'Tinh gọn bộ máy', 1],
    ]);
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id }, T0 + 4 * S);
    expect(answer(conf, id, 'thaiNguyen', 'pa1', T0 + 5 * S)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CONSULTATION_CLOSED' } });
    expect(conf.state.consultations.get(id)?.status).toEqual({ kind: 'closed', closedAt: T0 + 4 * S, reason: 'chair' });
  });

  it('PO4: a point answers only for itself, with an option that was offered; the chair may record a point’s answer; the central point is not asked', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1 });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'agree' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'CONSULTATION_OWN_POINT' } });
    expect(answer(conf, id, 'thaiNguyen', 'pa1')).toMatchObject({ ok: false, error: { reason: 'CONSULTATION_OPTION_UNKNOWN' } });
    expect(conf.run(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'other', reason: 'Đề nghị bổ sung' })).toMatchObject({ ok: true });
    expect(conf.run(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'tw', optionId: 'agree' })).toMatchObject({ ok: false, error: { reason: 'CONSULTATION_NOT_ASKED' } });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'consultation.answer', consultationId: 'nope', pointId: 'thai-nguyen', optionId: 'agree' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'CONSULTATION_UNKNOWN' } });
  });

  it('PO13: an answer the chair records for a point is marked as the chair’s; the point answering itself later clears the mark', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'alternatives', article: 2 });
    const [recorded] = conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1', reason: 'Báo qua điện thoại' }, T0 + S);
    expect(recorded).toMatchObject({ type: 'consultation.answered', payload: { pointId: 'bac-kan', optionId: 'pa1', recordedBy: 'chair' } });
    const [own] = conf.must(ACTORS.thaiNguyen, { type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'pa2' }, T0 + 2 * S);
    expect(own?.payload).not.toHaveProperty('recordedBy');
    const marks = () => tallyOf(conf.state, conf.state.consultations.get(id)!).options.flatMap((o) => o.positions.map((p) => [p.pointName, p.optionId, p.recordedBy ?? 'point']));
    expect(marks()).toEqual([['Tỉnh ủy Bắc Kạn', 'pa1', 'chair'], ['Tỉnh ủy Thái Nguyên', 'pa2', 'point']]);
    // The chair corrects Thái Nguyên's answer on its word; then Thái Nguyên answers itself again.
    conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'pa1' }, T0 + 3 * S);
    expect(marks()).toEqual([['Tỉnh ủy Bắc Kạn', 'pa1', 'chair'], ['Tỉnh ủy Thái Nguyên', 'pa1', 'chair']]);
    answer(conf, id, 'thaiNguyen', 'pa2', T0 + 4 * S);
    expect(marks()).toEqual([['Tỉnh ủy Bắc Kạn', 'pa1', 'chair'], ['Tỉnh ủy Thái Nguyên', 'pa2', 'point']]);
    expect(conf.state.positions.list().find((p) => p.pointId === 'thai-nguyen')?.changes).toBe(2);
  });

  it('PO13: who recorded an answer is not the client’s to say: a command carrying recordedBy fails the wire schema', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'alternatives', article: 2 });
    const base = { type: 'consultation.answer', commandId: '00000000-0000-4000-8000-0000000000c1', conferenceId: conf.state.id, consultationId: id, pointId: 'thai-nguyen', optionId: 'pa1' };
    expect(CommandSchema.safeParse(base).success).toBe(true);
    expect(CommandSchema.safeParse({ ...base, recordedBy: 'chair' }).success).toBe(false);
  });

  it('PO5: the points that have not answered are listed in Vietnamese order', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1 });
    expect(tallyOf(conf.state, conf.state.consultations.get(id)!).unanswered.map((p) => p.name)).toEqual(['Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
    answer(conf, id, 'haGiang', 'agree');
    expect(tallyOf(conf.state, conf.state.consultations.get(id)!).unanswered.map((p) => p.name)).toEqual(['Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Thái Nguyên']);
  });

  it('PO6: with a time limit, an answer at or after the deadline is refused; the chair’s close then records the deadline as expired', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1, timeLimitS: 60 }, T0);
    expect(answer(conf, id, 'thaiNguyen', 'agree', T0 + 59_999)).toMatchObject({ ok: true });
    const c = conf.state.consultations.get(id)!;
    expect(isOpenAt(conf.state, c, T0 + 59_999)).toBe(true);
    expect(isOpenAt(conf.state, c, T0 + 60_000)).toBe(false);
    expect(closedAtOf(conf.state, c, T0 + 61_000)).toBe(T0 + 60_000);
    expect(answer(conf, id, 'haGiang', 'agree', T0 + 60_000)).toMatchObject({ ok: false, error: { reason: 'CONSULTATION_CLOSED' } });
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id }, T0 + 90_000);
    expect(conf.state.consultations.get(id)?.status).toEqual({ kind: 'closed', closedAt: T0 + 60_000, reason: 'expired' });
  });

  it('PO6: opening the next consultation after one ran out first writes the expired one’s close', () => {
    const conf = liveWithAlternatives();
    const first = open(conf, { kind: 'approval', article: 1, timeLimitS: 30 }, T0);
    const events = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2 }, T0 + 45_000);
    expect(events.map((e) => e.type)).toEqual(['consultation.closed', 'consultation.opened']);
    expect(conf.state.consultations.get(first)?.status).toEqual({ kind: 'closed', closedAt: T0 + 30_000, reason: 'expired' });
  });

  it('PO17: the hub’s timer (the system) may close a consultation only once its time ran out, and does nothing else', () => {
    const conf = liveWithAlternatives();
    const system = { role: 'system', sessionId: 'system' } as const;
    const untimed = open(conf, { kind: 'approval', article: 1 }, T0);
    expect(conf.run(system, { type: 'consultation.close', consultationId: untimed }, T0 + 3_600_000)).toMatchObject({ ok: false, error: { reason: 'CONSULTATION_NOT_EXPIRED' } });
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: untimed }, T0 + S);
    const id = open(conf, { kind: 'approval', article: 1, timeLimitS: 60 }, T0 + 2 * S);
    expect(conf.run(system, { type: 'consultation.close', consultationId: id }, T0 + 61_999)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CONSULTATION_NOT_EXPIRED' } });
    expect(conf.run(system, { type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'agree' }, T0 + 3 * S)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(conf.run(system, { type: 'consultation.open', kind: 'approval', article: 2 }, T0 + 3 * S)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    conf.must(system, { type: 'consultation.close', consultationId: id }, T0 + 62_005);
    expect(conf.state.consultations.get(id)?.status).toEqual({ kind: 'closed', closedAt: T0 + 62_000, reason: 'expired' });
  });

  it('PO7: the chair hides or shows the names beside the tally; the same choice again writes nothing', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1, hideNames: true });
    expect(conf.state.consultations.get(id)?.hideNames).toBe(true);
    conf.must(ACTORS.chair, { type: 'consultation.showNames', consultationId: id, shown: true });
    expect(conf.state.consultations.get(id)?.hideNames).toBe(false);
    const seq = conf.state.seq;
    expect(conf.must(ACTORS.chair, { type: 'consultation.showNames', consultationId: id, shown: true })).toEqual([]);
    expect(conf.state.seq).toBe(seq);
  });

  it('PO8: answers are refused once the conference has ended; the consultation counts as closed when it ended', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1 });
    conf.must(ACTORS.chair, { type: 'conference.end' }, T0 + 10 * S);
    expect(answer(conf, id, 'thaiNguyen', 'agree', T0 + 11 * S)).toMatchObject({ ok: false, error: { reason: 'CONFERENCE_ENDED' } });
    expect(closedAtOf(conf.state, conf.state.consultations.get(id)!, T0 + 20 * S)).toBe(T0 + 10 * S);
  });

  it('PO9: a reason enters the log trimmed and NFC', () => {
    const conf = liveWithAlternatives();
    const id = open(conf, { kind: 'approval', article: 1 });
    answer(conf, id, 'thaiNguyen', 'other', T0, '  Đe\u0302\u0300 nghị ');
    expect(tallyOf(conf.state, conf.state.consultations.get(id)!).options[2]?.positions[0]?.reason).toBe('Đề nghị'.normalize('NFC'));
  });
});
