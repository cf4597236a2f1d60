import type { Correspondence } from '../draft/align/alignmentTypes';
import { kindOfShape } from './checkAlignment';
import { unitId, type UnitKey } from './revisionUnits';

/** A correction as the organiser makes it: for each unit of the earlier draft, the units of the revision it went to. */
export type Links<K extends UnitKey> = ReadonlyMap<string, readonly K[]>;

export function linksOf<K extends UnitKey>(groups: ReadonlyArray<Correspondence<K>>): Map<string, K[]> {
  const links = new Map<string, K[]>();
  for (const g of groups) for (const b of g.before) links.set(unitId(b), [...g.after]);
  return links;
}

const membership = (g: { before: readonly UnitKey[]; after: readonly UnitKey[] }) => `${g.before.map(unitId).join(',')}→${g.after.map(unitId).join(',')}`;
const NO_EVIDENCE = { text: 0, title: 0, basis: [] };

/** Groups by shared targets: the earlier units that name one revised unit belong together. */
function components<K extends UnitKey>(beforeKeys: readonly K[], links: Links<K>): Array<{ before: K[]; after: K[] }> {
  const groupOfAfter = new Map<string, { before: K[]; after: K[] }>();
  const groups: Array<{ before: K[]; after: K[] }> = [];
  for (const b of beforeKeys) {
    const targets = links.get(unitId(b)) ?? [];
    const joined = [...new Set(targets.map((t) => groupOfAfter.get(unitId(t))).filter((g) => g !== undefined))];
    const group = joined[0] ?? { before: [], after: [] };
    if (joined.length === 0) groups.push(group);
    for (const other of joined.slice(1)) {
      group.before.push(...other.before);
      group.after.push(...other.after);
      other.after.forEach((a) => groupOfAfter.set(unitId(a), group));
      groups.splice(groups.indexOf(other), 1);
    }
    group.before.push(b);
    for (const t of targets) if (!groupOfAfter.has(unitId(t))) { group.after.push(t); groupOfAfter.set(unitId(t), group); }
  }
  return groups;
}

export type Regrouped<K extends UnitKey> = { ok: true; groups: Correspondence<K>[] } | { ok: false; unit: string };

/**
 * The groups a correction gives, in the earlier draft's order then the new units: kinds from their shape; a group
 * the proposal had keeps its confidence and evidence, any other is the organiser's own (confidence 1), `changed`
 * unless it is one unit to one that `sameText` finds unchanged (the concordance says "sửa nội dung" from it).
 * Several units going to several (never a group, DA1) is refused, naming the first earlier unit of it.
 */
export function regroup<K extends UnitKey>(
  beforeKeys: readonly K[], afterKeys: readonly K[], links: Links<K>, proposal: ReadonlyArray<Correspondence<K>>, sameText: (before: K, after: K) => boolean = () => false,
): Regrouped<K> {
  const order = new Map(afterKeys.map((k, i) => [unitId(k), i]));
  const byOrder = (a: K, b: K) => (order.get(unitId(a)) ?? 0) - (order.get(unitId(b)) ?? 0);
  const proposed = new Map(proposal.map((g) => [membership(g), g]));
  const groups: Correspondence<K>[] = [];
  const linked = new Set<string>();
  for (const shape of components(beforeKeys, links)) {
    shape.after.sort(byOrder);
    shape.after.forEach((a) => linked.add(unitId(a)));
    const kind = kindOfShape(shape.before, shape.after);
    if (!kind) return { ok: false, unit: unitId(shape.before[0] ?? shape.after[0] ?? 0) };
    const was = proposed.get(membership(shape));
    const from: K | undefined = shape.before[0];
    const to: K | undefined = shape.after[0];
    const unchanged = shape.before.length === 1 && shape.after.length === 1 && from !== undefined && to !== undefined && sameText(from, to);
    groups.push(was ? { ...was, kind } : { kind, ...shape, confidence: 1, changed: !unchanged, evidence: NO_EVIDENCE });
  }
  for (const a of afterKeys) {
    if (linked.has(unitId(a))) continue;
    const was = proposed.get(membership({ before: [], after: [a] }));
    groups.push(was ?? { kind: 'new', before: [], after: [a], confidence: 1, changed: true, evidence: NO_EVIDENCE });
  }
  return { ok: true, groups };
}
