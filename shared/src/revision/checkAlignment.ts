import type { AlignmentKind, Correspondence, DraftAlignment } from '../draft/align/alignmentTypes';
import type { Draft } from '../draft/draft';
import type { Reason } from '../protocol/reasons';
import { articleKeys, clauseKeys, unitId, type UnitKey } from './revisionUnits';

/** Why a mapping cannot be confirmed, and the unit ("5" or "5.2") and draft (1 the earlier, 2 the revision) concerned. */
export interface AlignmentFault {
  reason: Extract<Reason, `REVISION_${string}`>;
  params: { unit: string; draft: number };
}

/** The kind a group's shape implies (DA1): several → several has none. */
export function kindOfShape<K extends UnitKey>(before: readonly K[], after: readonly K[]): AlignmentKind | undefined {
  const [a] = before;
  const [b] = after;
  if (a === undefined) return after.length === 1 ? 'new' : undefined;
  if (b === undefined) return before.length === 1 ? 'deleted' : undefined;
  if (before.length > 1) return after.length === 1 ? 'merged' : undefined;
  if (after.length > 1) return 'split';
  return unitId(a) === unitId(b) ? 'same' : 'moved';
}

/** Every unit of `expected` named exactly once on its side, and nothing else. */
function coverage(groups: ReadonlyArray<readonly UnitKey[]>, expected: readonly UnitKey[], draft: number): AlignmentFault | undefined {
  const known = new Set(expected.map(unitId));
  const seen = new Set<string>();
  for (const unit of groups.flat().map(unitId)) {
    if (!known.has(unit)) return { reason: 'REVISION_UNIT_UNKNOWN', params: { unit, draft } };
    if (seen.has(unit)) return { reason: 'REVISION_UNIT_TWICE', params: { unit, draft } };
    seen.add(unit);
  }
  const missing = [...known].find((unit) => !seen.has(unit));
  return missing === undefined ? undefined : { reason: 'REVISION_UNIT_UNMAPPED', params: { unit: missing, draft } };
}

function checkLevel<K extends UnitKey>(groups: ReadonlyArray<Correspondence<K>>, before: readonly K[], after: readonly K[]): AlignmentFault | undefined {
  const fault = coverage(groups.map((g) => g.before), before, 1) ?? coverage(groups.map((g) => g.after), after, 2);
  if (fault) return fault;
  const wrong = groups.find((g) => kindOfShape(g.before, g.after) !== g.kind);
  if (!wrong) return undefined;
  const first = wrong.before[0] ?? wrong.after[0];
  return { reason: 'REVISION_KIND_MISMATCH', params: { unit: first === undefined ? '' : unitId(first), draft: wrong.before.length > 0 ? 1 : 2 } };
}

/**
 * DA12: a mapping the organiser confirms names every article and clause of both drafts exactly once, nothing
 * they lack, and each group's kind is the one its shape gives (same, moved, split, merged, new, deleted).
 */
export function checkAlignment(before: Draft, after: Draft, alignment: DraftAlignment): AlignmentFault | undefined {
  return checkLevel(alignment.articles, articleKeys(before), articleKeys(after))
    ?? checkLevel(alignment.clauses, clauseKeys(before), clauseKeys(after));
}
