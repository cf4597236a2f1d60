import { ACTORS, T0 } from '../testing/conferenceFixture';
import { liveWithAlternatives } from './consultationFixture';

const MIN = 60_000;

/**
 * A conference with two consultations: Điều 2's alternatives (Thái Nguyên and Hà Giang answer, Thái Nguyên
 * changes its mind, Bắc Kạn does not answer; the chair closes it) and an approval of khoản 2 Điều 1 that runs out.
 */
export function consultedConference() {
  const conf = liveWithAlternatives();
  const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2 }, T0 + MIN);
  if (opened?.type !== 'consultation.opened') throw new Error('not opened');
  const id = opened.payload.consultationId;
  const answer = (actor: typeof ACTORS.thaiNguyen | typeof ACTORS.haGiang, optionId: string, reason: string, at: number) =>
    conf.must(actor, { type: 'consultation.answer', consultationId: id, pointId: actor.pointId, optionId, reason }, at);
  answer(ACTORS.thaiNguyen, 'pa1', '', T0 + 2 * MIN);
  answer(ACTORS.haGiang, 'pa2', 'Phù hợp với thực tiễn miền núi', T0 + 3 * MIN);
  answer(ACTORS.thaiNguyen, 'pa2', 'Tinh gọn bộ máy', T0 + 4 * MIN);
  conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id }, T0 + 5 * MIN);
  const [approval] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 1, clause: 2, timeLimitS: 60 }, T0 + 6 * MIN);
  if (approval?.type !== 'consultation.opened') throw new Error('not opened');
  conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: approval.payload.consultationId, pointId: 'ha-giang', optionId: 'other', reason: 'Đề nghị nhiệm kỳ 5 năm' }, T0 + 6 * MIN + 30_000);
  conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: approval.payload.consultationId }, T0 + 8 * MIN);
  return conf;
}
