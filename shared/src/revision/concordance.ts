import type { AlignmentKind, Correspondence } from '../draft/align/alignmentTypes';
import { findArticle, type Draft } from '../draft/draft';
import type { DraftRevision } from './revisionState';
import type { UnitKey } from './revisionUnits';

/** Which numbering a report is printed in: the draft the comments refer to, or the confirmed revision (DA15). */
export const NUMBERINGS = ['first', 'revised'] as const;
export type Numbering = (typeof NUMBERINGS)[number];

export const KIND_WORDS_VI: Record<AlignmentKind, string> = {
  same: 'giữ nguyên', moved: 'chuyển số', split: 'tách', merged: 'gộp', new: 'mới', deleted: 'bỏ',
};

/** One line of the concordance table (bảng đối chiếu): old → new. */
export interface ConcordanceRow {
  level: 'article' | 'clause';
  kind: AlignmentKind;
  kindLabel: string;
  /** "Điều 5" or "Điều 5 khoản 2" in the first draft; '' for a new unit. */
  before: string;
  /** The places in the revision, "Điều 8, Điều 9"; '' for a deleted unit. */
  after: string;
  /** The article's title in the draft of the side that names it (the revision's when both do). */
  title: string;
  changed: boolean;
}

const label = (key: UnitKey) => (typeof key === 'number' ? `Điều ${key}` : `Điều ${key.article} khoản ${key.clause}`);
const articleOf = (key: UnitKey) => (typeof key === 'number' ? key : key.article);
const titleIn = (draft: Draft, key: UnitKey | undefined) => (key === undefined ? undefined : findArticle(draft, articleOf(key))?.article.title);

function rowOf<K extends UnitKey>(level: ConcordanceRow['level'], g: Correspondence<K>, first: Draft, revised: Draft): ConcordanceRow {
  return {
    level, kind: g.kind, kindLabel: KIND_WORDS_VI[g.kind],
    before: g.before.map(label).join(', '), after: g.after.map(label).join(', '),
    title: titleIn(revised, g.after[0]) ?? titleIn(first, g.before[0]) ?? '', changed: g.changed,
  };
}

/** Index of a group in the chosen numbering's order: by its first unit there, the other side's units after. */
function sortKey<K extends UnitKey>(g: Correspondence<K>, numbering: Numbering): [number, number, number] {
  const [own, other] = numbering === 'first' ? [g.before, g.after] : [g.after, g.before];
  const key = own[0] ?? other[0];
  const rank = own.length > 0 ? 0 : 1;
  return typeof key === 'number' ? [rank, key, 0] : [rank, key?.article ?? 0, key?.clause ?? 0];
}

function ordered<K extends UnitKey>(groups: ReadonlyArray<Correspondence<K>>, numbering: Numbering): Correspondence<K>[] {
  const cmp = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return [...groups].sort((a, b) => cmp(sortKey(a, numbering), sortKey(b, numbering)));
}

/**
 * The concordance table a synthesis ends with (DA15): every article group, then the clause groups that are not
 * kept as they were, in the order of the numbering the report is printed in (units the other draft alone has last).
 */
export function concordance(first: Draft, revision: DraftRevision, numbering: Numbering): ConcordanceRow[] {
  const { articles, clauses } = revision.alignment;
  return [
    ...ordered(articles, numbering).map((g) => rowOf('article', g, first, revision.draft)),
    ...ordered(clauses.filter((g) => g.kind !== 'same' || g.changed), numbering).map((g) => rowOf('clause', g, first, revision.draft)),
  ];
}
