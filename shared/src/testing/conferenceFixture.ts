import { ConferenceSetupSchema, type ConferenceSetupInput } from '../conference/setup';
import type { ConferenceState } from '../conference/state';
import type { Actor } from '../protocol/actor';
import { apply } from '../protocol/apply';
import { CommandSchema, type Command, type CommandInput } from '../protocol/commands';
import { decide } from '../protocol/decide';
import type { Decision } from '../protocol/decision';
import type { StoredEvent } from '../protocol/events';

/** A small conference used by domain and hub tests: one central point, three provinces, a 3-article draft. */
export const FIXTURE_CONFERENCE_ID = 'hn-test';

export const FIXTURE_SETUP: ConferenceSetupInput = {
  title: 'Hội nghị thử nghiệm',
  draft: {
    title: 'Dự thảo quy định',
    chapters: [
      { number: 'I', title: 'Quy định chung', articles: [
        { number: 1, title: 'Phạm vi điều chỉnh', clauses: [{ number: 1, text: 'a' }, { number: 2, text: 'b' }] },
        { number: 2, title: 'Giải thích từ ngữ' },
      ] },
      { number: 'II', title: 'Nhiệm vụ', articles: [{ number: 3, title: 'Nhiệm vụ, quyền hạn' }] },
    ],
  },
  agenda: [
    { id: 'khai-mac', kind: 'opening', title: 'Khai mạc' },
    { id: 'thao-luan', kind: 'discussion', title: 'Thảo luận Chương I', articles: [{ article: 1 }, { article: 2 }] },
  ],
  points: [
    { id: 'tw', name: 'Điểm cầu Trung ương', kind: 'central', delegates: [{ id: 'd-tw', name: 'Nguyễn Quang Dương', position: 'Phó Trưởng Ban Tổ chức Trung ương' }] },
    { id: 'thai-nguyen', name: 'Tỉnh ủy Thái Nguyên', kind: 'provincial', delegates: [{ id: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' }] },
    { id: 'ha-giang', name: 'Tỉnh ủy Hà Giang', kind: 'provincial', delegates: [] },
    { id: 'bac-kan', name: 'Tỉnh ủy Bắc Kạn', kind: 'provincial', delegates: [] },
  ],
};

export const ACTORS = {
  chair: { role: 'chair', pointId: 'tw', sessionId: 's-chair', label: 'Chủ trì' },
  secretary: { role: 'secretary', sessionId: 's-sec' },
  thaiNguyen: { role: 'point', pointId: 'thai-nguyen', sessionId: 's-tn' },
  haGiang: { role: 'point', pointId: 'ha-giang', sessionId: 's-hg' },
  display: { role: 'display', sessionId: 's-disp' },
  organiser: { role: 'organiser', sessionId: 's-org' },
} as const satisfies Record<string, Actor>;

export const T0 = Date.UTC(2023, 9, 27, 8, 0, 0);

/** A command as tests write it: the fixture fills commandId and conferenceId. Distributes over the union. */
export type CommandDraft = CommandInput extends infer C ? (C extends unknown ? Omit<C, 'commandId' | 'conferenceId'> & { commandId?: string } : never) : never;

let counter = 0;
/** A fresh valid uuid for tests (not random: runs stay reproducible). */
export function nextId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function createdEvent(setup: ConferenceSetupInput = FIXTURE_SETUP): StoredEvent {
  return {
    seq: 1, at: T0, actor: ACTORS.organiser, commandId: 'create',
    type: 'conference.created', payload: { conferenceId: FIXTURE_CONFERENCE_ID, setup: ConferenceSetupSchema.parse(setup) },
  };
}

/** A test conference that records its log, like the hub does. */
export class FixtureConference {
  state: ConferenceState;
  log: StoredEvent[];

  constructor(setup: ConferenceSetupInput = FIXTURE_SETUP) {
    const created = createdEvent(setup);
    this.log = [created];
    this.state = apply(null, created);
  }

  command(input: CommandDraft): Command {
    return CommandSchema.parse({ commandId: nextId(), conferenceId: FIXTURE_CONFERENCE_ID, ...input });
  }

  /** decide + append + apply; returns the decision. */
  run(actor: Actor, input: CommandDraft, now = T0): Decision {
    const command = this.command(input);
    const decision = decide(this.state, command, { actor, now });
    if (decision.ok) {
      for (const e of decision.events) {
        const stored = { ...e, seq: this.state.seq + 1, at: now, actor, commandId: command.commandId } as StoredEvent;
        this.log.push(stored);
        this.state = apply(this.state, stored);
      }
    }
    return decision;
  }

  /** Like run() but fails the test when refused. */
  must(actor: Actor, input: CommandDraft, now = T0) {
    const d = this.run(actor, input, now);
    if (!d.ok) throw new Error(`${input.type} refused: ${d.error.code} ${d.error.message}`);
    return d.events;
  }
}
