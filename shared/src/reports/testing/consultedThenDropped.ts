import { consultedConference } from '../../consultation/consultedConference';
import type { DraftAlignment } from '../../draft/align/alignmentTypes';
import { DraftSchema } from '../../draft/draft';
import { ACTORS, T0 } from '../../testing/conferenceFixture';

const none = { text: 0, title: 0, basis: [] };

/** Draft 2 without Điều 2 (Cơ cấu thường trực), on whose alternatives the points were consulted: old 3 is now 2. */
export function consultedThenDropped() {
  const conf = consultedConference();
  conf.must(ACTORS.chair, { type: 'conference.end' }, T0 + 10 * 60_000);
  const first = conf.state.draft;
  const [one] = first.chapters[0]?.articles ?? [];
  if (!one) throw new Error('the fixture has changed: Điều 1 expected');
  const draft = DraftSchema.parse({
    title: 'Dự thảo quy định (lần 2)',
    chapters: [
      { number: 'I', title: 'Quy định chung', articles: [one] },
      { number: 'II', title: 'Nhiệm vụ', articles: [{ number: 2, title: 'Nhiệm vụ, quyền hạn' }] },
    ],
  });
  const alignment: DraftAlignment = {
    articles: [
      { kind: 'same', before: [1], after: [1], confidence: 1, changed: false, evidence: none },
      { kind: 'deleted', before: [2], after: [], confidence: 1, changed: true, evidence: none },
      { kind: 'moved', before: [3], after: [2], confidence: 1, changed: false, evidence: none },
    ],
    clauses: [1, 2].map((clause) => ({ kind: 'same' as const, before: [{ article: 1, clause }], after: [{ article: 1, clause }], confidence: 1, changed: false, evidence: none })),
  };
  conf.must(ACTORS.organiser, { type: 'draft.confirmRevision', draft, alignment }, T0 + 20 * 60_000);
  return conf;
}
