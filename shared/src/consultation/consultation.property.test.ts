import fc from 'fast-check';
import type { Actor } from '../protocol/actor';
import { replay } from '../protocol/apply';
import type { StoredEvent } from '../protocol/events';
import { ACTORS, T0, type CommandDraft } from '../testing/conferenceFixture';
import { liveWithAlternatives } from './consultationFixture';
import { closedAtOf, tallyOf } from './consultationTally';

const KINDS = ['open', 'answer', 'answer', 'answer', 'answer', 'close', 'names'] as const;
type Intent = { kind: (typeof KINDS)[number]; pick: number; dt: number; flag: boolean };
const intentArb: fc.Arbitrary<Intent> = fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat(60), dt: fc.integer({ min: 0, max: 40_000 }), flag: fc.boolean() });

const ANSWERERS: Actor[] = [ACTORS.thaiNguyen, ACTORS.haGiang, ACTORS.chair];
const POINT_IDS = ['thai-nguyen', 'ha-giang', 'bac-kan', 'tw'];
const OPTIONS = ['pa1', 'pa2', 'pa3', 'agree', 'disagree', 'other'];

function commandFor(conf: ReturnType<typeof liveWithAlternatives>, i: Intent): [Actor, CommandDraft] {
  const ids = conf.state.consultations.ids;
  const consultationId = ids[ids.length - 1 - (i.pick % 2)] ?? 'none';
  switch (i.kind) {
    case 'open': {
      const kind = i.flag ? 'alternatives' : 'approval';
      return [ACTORS.chair, { type: 'consultation.open', kind, article: 1 + (i.pick % 3), ...(i.pick % 4 === 0 ? { clause: 2 } : {}), ...(i.pick % 3 === 0 ? { timeLimitS: 30 } : {}) }];
    }
    case 'answer': {
      const actor = ANSWERERS[i.pick % ANSWERERS.length] ?? ACTORS.chair;
      const pointId = actor.role === 'point' ? actor.pointId ?? 'tw' : POINT_IDS[i.pick % POINT_IDS.length] ?? 'bac-kan';
      return [actor, { type: 'consultation.answer', consultationId, pointId, optionId: OPTIONS[i.pick % OPTIONS.length] ?? 'agree', reason: i.flag ? `Lý do ${i.pick}` : '' }];
    }
    case 'close': return [ACTORS.chair, { type: 'consultation.close', consultationId }];
    case 'names': return [ACTORS.chair, { type: 'consultation.showNames', consultationId, shown: i.flag }];
  }
}

/** Each point's last answer before the consultation stopped taking them, read from the log alone. */
function lastAnswers(log: readonly StoredEvent[], consultationId: string): Map<string, string> {
  const last = new Map<string, string>();
  for (const e of log) {
    if (e.type === 'consultation.answered' && e.payload.consultationId === consultationId) last.set(e.payload.pointId, e.payload.optionId);
  }
  return last;
}

describe('consultations under random commands', () => {
  it('PO10: the tally counts each provincial point once, by its last answer in the log, none after the close; replay gives the same state', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 60 }), (intents) => {
        const conf = liveWithAlternatives();
        let now = T0;
        for (const i of intents) {
          now += i.dt;
          const [actor, input] = commandFor(conf, i);
          conf.run(actor, input, now);
        }
        const provincial = conf.state.points.list().filter((p) => p.kind === 'provincial').length;
        for (const c of conf.state.consultations.list()) {
          const tally = tallyOf(conf.state, c);
          const counted = tally.options.reduce((a, o) => a + o.count, 0);
          expect(counted).toBe(tally.answered);
          expect(counted + tally.unanswered.length).toBe(provincial);
          const last = lastAnswers(conf.log, c.id);
          for (const o of tally.options) for (const p of o.positions) expect(last.get(p.pointId)).toBe(o.option.id);
          expect(last.size).toBe(counted);
          const closedAt = closedAtOf(conf.state, c, now);
          const late = conf.log.filter((e) => e.type === 'consultation.answered' && e.payload.consultationId === c.id && closedAt !== undefined && e.at >= closedAt);
          expect(late).toEqual([]);
        }
        expect(conf.state.consultations.list().filter((c) => c.status.kind === 'open').length).toBeLessThanOrEqual(1);
        expect(JSON.stringify(replay(conf.log))).toBe(JSON.stringify(conf.state));
      }),
      { numRuns: 200 },
    );
  });
});
