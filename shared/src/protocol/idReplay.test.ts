import fc from 'fast-check';
import { stateFromJson } from '../conference/state';
import { ACTORS, FIXTURE_SETUP, FixtureConference, T0, type CommandDraft } from '../testing/conferenceFixture';
import { replay } from './apply';
import { IdSchema, RESERVED_IDS } from './fields';

/** Ids as an organiser could type them: anything the schema accepts, with the prototype's names close by. */
const idArb = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__proto__1', 'constructor.x', 'toString-2', '__defineGetter__x'),
    fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/),
  )
  .filter((id) => IdSchema.safeParse(id).success && id !== 'tw');

const setupArb = fc.uniqueArray(idArb, { minLength: 5, maxLength: 5 }).map(([p1, p2, p3, a1, a2]) => ({
  ...FIXTURE_SETUP,
  points: [
    FIXTURE_SETUP.points[0]!,
    { id: p1!, name: 'Tỉnh ủy A', kind: 'provincial' as const, delegates: [{ id: `${p1}-d`, name: 'Đại biểu A', position: '' }] },
    { id: p2!, name: 'Tỉnh ủy B', kind: 'provincial' as const, delegates: [] },
    { id: p3!, name: 'Tỉnh ủy C', kind: 'provincial' as const, delegates: [] },
  ],
  agenda: [{ id: a1!, kind: 'opening' as const, title: 'Khai mạc' }, { id: a2!, kind: 'discussion' as const, title: 'Thảo luận' }],
}));

type Step = { kind: 'ready' | 'request' | 'grant' | 'comment' | 'activate' | 'release'; pick: number };
const stepArb: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom('ready', 'request', 'grant', 'comment', 'activate', 'release'), pick: fc.nat(5) });

describe('ids and replay', () => {
  test('L3: names of Object.prototype members are refused as ids; others of the same shape are accepted', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      expect(RESERVED_IDS.has(id)).toBe(true);
      expect(IdSchema.safeParse(id).success).toBe(false);
    }
    for (const id of ['__proto__1', 'constructor.x', 'tinh-uy-thai-nguyen']) expect(IdSchema.safeParse(id).success).toBe(true);
  });

  test('L3: for any ids the schema accepts, the replayed state and the state a snapshot carries equal the live one', () => {
    const seen = { comments: 0, speeches: 0, readied: 0 };
    fc.assert(fc.property(setupArb, fc.array(stepArb, { maxLength: 40 }), (setup, steps) => {
      const conf = new FixtureConference(setup);
      const provinces = setup.points.slice(1).map((p) => p.id);
      const of = <T>(list: readonly T[], n: number) => list[n % list.length]!;
      conf.run(ACTORS.chair, { type: 'conference.start' }, T0);
      steps.forEach((step, i) => {
        const now = T0 + (i + 1) * 1_000;
        const pointId = of(provinces, step.pick);
        const drafts: Record<Step['kind'], CommandDraft> = {
          ready: { type: 'point.ready', pointId, ready: true, connectionChecked: true, soundChecked: true, delegatesPresent: [] },
          request: { type: 'floor.request', pointId, delegate: { name: 'Đại biểu' }, articles: [{ article: 1 }], priority: 'normal' },
          grant: { type: 'floor.grant', requestId: conf.state.queue[0] ?? 'none' },
          comment: { type: 'comment.log', kind: 'agree', text: 'Ý kiến', pointId, source: 'written', articles: [{ article: 1 }] },
          activate: { type: 'agenda.activate', itemId: of(setup.agenda, step.pick).id },
          release: { type: 'floor.release', speechId: conf.state.currentSpeechId ?? 'none' },
        };
        conf.run(step.kind === 'comment' ? ACTORS.secretary : ACTORS.chair, drafts[step.kind], now);
      });
      expect(replay(conf.log)).toEqual(conf.state);
      expect(stateFromJson(JSON.parse(JSON.stringify(conf.state)))).toEqual(conf.state);
      for (const id of provinces) expect(conf.state.points.get(id)?.id).toBe(id);
      seen.comments += conf.state.comments.size;
      seen.speeches += conf.state.speeches.size;
      seen.readied += conf.state.points.list().filter((p) => p.checkIn).length;
    }), { numRuns: 80 });
    // The runs reached the collections keyed by those ids, not only refusals.
    expect(seen.comments).toBeGreaterThan(0);
    expect(seen.speeches).toBeGreaterThan(0);
    expect(seen.readied).toBeGreaterThan(0);
  });
});
