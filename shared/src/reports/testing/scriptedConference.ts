import type { Actor } from '../../protocol/actor';
import { ACTORS, FixtureConference, T0, type CommandDraft } from '../../testing/conferenceFixture';

/** A command without its ids, as the fixture takes it. */
export type ScriptInput = CommandDraft;

const id = (n: number) => `aaaaaaaa-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Named ids of the script, so tests can point at what they expect. */
export const SCRIPT = {
  speech1: id(1), speech2: id(2),
  amend: id(11), agreeBoth: id(12), clarify: id(13), retracted: id(14), written: id(15), general: id(16),
  at: (s: number) => T0 + s * 1000,
} as const;

const SEC = ACTORS.secretary;
const CHAIR = ACTORS.chair;
const hung = { delegateId: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
const haGiang = { name: 'Đinh Thị Hà', position: 'Phó Bí thư Tỉnh ủy' };

/**
 * The fixture conference run through a short session (times in seconds after T0, 15:00 in Vietnam):
 * Thái Nguyên speaks 210 s of 180 allowed (one 60 s extension, a 30 s pause); Hà Giang is stopped
 * after 90 s of 60; one comment is retracted, one edited; Bắc Kạn writes in; one comment names no article.
 */
export function scriptedConference(): FixtureConference {
  const conf = new FixtureConference();
  const steps: Step[] = [
    [0, CHAIR, { type: 'conference.start' }],
    [10, CHAIR, { type: 'agenda.activate', itemId: 'thao-luan' }],
    [20, ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate: hung, articles: [{ article: 1 }] }],
    [30, ACTORS.haGiang, { type: 'floor.request', pointId: 'ha-giang', delegate: haGiang, articles: [{ article: 1 }] }],
    [60, CHAIR, (c) => ({ type: 'floor.grant', requestId: c.state.requests.ids[0] ?? 'r', limitS: 120, commandId: SCRIPT.speech1 })],
    [90, SEC, { type: 'comment.log', speechId: SCRIPT.speech1, articles: [{ article: 1, clause: 2 }], kind: 'amend', text: 'Sửa khoản 2', commandId: SCRIPT.amend }],
    [100, SEC, { type: 'comment.log', speechId: SCRIPT.speech1, articles: [{ article: 1 }, { article: 2 }], kind: 'agree', text: 'Tán thành Điều 1 và Điều 2', commandId: SCRIPT.agreeBoth }],
    [150, CHAIR, { type: 'floor.extend', speechId: SCRIPT.speech1, seconds: 60 }],
    [170, CHAIR, { type: 'floor.pause', speechId: SCRIPT.speech1 }],
    [200, CHAIR, { type: 'floor.resume', speechId: SCRIPT.speech1 }],
    [300, ACTORS.thaiNguyen, { type: 'floor.release', speechId: SCRIPT.speech1 }],
  ];
  for (const [s, actor, input] of steps) runAt(conf, s, actor, input);
  secondHalf(conf);
  return conf;
}

/** A step's command, or a function of the conference for ids only known once earlier steps ran. */
type Step = [number, Actor, ScriptInput | ((conf: FixtureConference) => ScriptInput)];

function runAt(conf: FixtureConference, s: number, actor: Actor, input: Step[2]): void {
  conf.must(actor, typeof input === 'function' ? input(conf) : input, SCRIPT.at(s));
}

function secondHalf(conf: FixtureConference): void {
  const steps: Step[] = [
    [310, CHAIR, (c) => ({ type: 'floor.grant', requestId: c.state.requests.ids[1] ?? 'r', limitS: 60, commandId: SCRIPT.speech2 })],
    [320, SEC, { type: 'comment.log', speechId: SCRIPT.speech2, articles: [{ article: 1, clause: 1 }], kind: 'clarify', text: 'Làm rõ phạm vi', commandId: SCRIPT.clarify }],
    [330, SEC, { type: 'comment.log', speechId: SCRIPT.speech2, articles: [{ article: 3 }], kind: 'remove', text: 'Ghi nhầm', commandId: SCRIPT.retracted }],
    [335, SEC, { type: 'comment.retract', commentId: SCRIPT.retracted }],
    [400, CHAIR, { type: 'floor.revoke', speechId: SCRIPT.speech2, reason: 'Quá thời gian' }],
    [410, SEC, { type: 'comment.log', pointId: 'bac-kan', source: 'written', articles: [{ article: 2 }], kind: 'supplement', text: 'Bổ sung định nghĩa', commandId: SCRIPT.written }],
    [420, SEC, { type: 'comment.log', kind: 'other', text: 'Ý kiến chung về dự thảo', commandId: SCRIPT.general }],
    [430, SEC, { type: 'comment.edit', commentId: SCRIPT.amend, text: 'Đề nghị sửa khoản 2' }],
    [500, CHAIR, { type: 'conference.end' }],
  ];
  for (const [s, actor, input] of steps) runAt(conf, s, actor, input);
}
