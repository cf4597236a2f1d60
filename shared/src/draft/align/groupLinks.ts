import { LINK_BASES, type AlignmentKind, type Correspondence, type LinkBasis } from './alignmentTypes';
import type { Link } from './links';

/** What grouping needs to know about the units on each side. */
export interface GroupInput<Key> {
  beforeKeys: readonly Key[];
  afterKeys: readonly Key[];
  sameKey: (a: Key, b: Key) => boolean;
  sameText: (before: number, after: number) => boolean;
  /** Text and title similarity of a linked pair, for the evidence. */
  similarity: (before: number, after: number) => { text: number; title: number };
  /** The best score an unlinked unit has with any unit of the other draft. */
  bestScoreBefore: (before: number) => number;
  bestScoreAfter: (after: number) => number;
}

interface Group {
  before: number[];
  after: number[];
  links: Link[];
}

/** Connected groups of linked units, plus one group per unlinked unit (new or deleted). */
function groupsOf(links: readonly Link[], before: number, after: number): Group[] {
  const groupOfBefore = new Map<number, Group>();
  const groupOfAfter = new Map<number, Group>();
  const groups: Group[] = [];
  for (const link of links) {
    // Groups are stars (LinkSet.keepsStars), so one side of a link is already in its group, or neither is.
    let group = groupOfBefore.get(link.before) ?? groupOfAfter.get(link.after);
    if (!group) {
      group = { before: [], after: [], links: [] };
      groups.push(group);
    }
    if (!groupOfBefore.has(link.before)) group.before.push(link.before);
    if (!groupOfAfter.has(link.after)) group.after.push(link.after);
    groupOfBefore.set(link.before, group);
    groupOfAfter.set(link.after, group);
    group.links.push(link);
  }
  for (let i = 0; i < before; i += 1) if (!groupOfBefore.has(i)) groups.push({ before: [i], after: [], links: [] });
  for (let j = 0; j < after; j += 1) if (!groupOfAfter.has(j)) groups.push({ before: [], after: [j], links: [] });
  for (const group of groups) {
    group.before.sort((a, b) => a - b);
    group.after.sort((a, b) => a - b);
  }
  return groups;
}

function kindOf<Key>(group: Group, input: GroupInput<Key>): AlignmentKind {
  const [i] = group.before;
  const [j] = group.after;
  if (i === undefined) return 'new';
  if (j === undefined) return 'deleted';
  if (group.before.length > 1) return 'merged';
  if (group.after.length > 1) return 'split';
  const a = input.beforeKeys[i];
  const b = input.afterKeys[j];
  return a !== undefined && b !== undefined && input.sameKey(a, b) ? 'same' : 'moved';
}

function correspondenceOf<Key>(group: Group, input: GroupInput<Key>): Correspondence<Key> {
  const kind = kindOf(group, input);
  const before = group.before.map((i) => input.beforeKeys[i]).filter((k): k is Key => k !== undefined);
  const after = group.after.map((j) => input.afterKeys[j]).filter((k): k is Key => k !== undefined);
  if (group.links.length === 0) {
    const best = kind === 'new' ? input.bestScoreAfter(group.after[0] ?? 0) : input.bestScoreBefore(group.before[0] ?? 0);
    return { kind, before, after, confidence: Math.min(1, Math.max(0, 1 - best)), changed: true, evidence: { text: 0, title: 0, basis: [] } };
  }
  const scores = group.links.map((l) => input.similarity(l.before, l.after));
  const bases = new Set<LinkBasis>(group.links.flatMap((l) => l.basis));
  const oneToOne = group.links.length === 1 && group.links[0] !== undefined;
  return {
    kind,
    before,
    after,
    confidence: Math.min(...group.links.map((l) => l.confidence)),
    changed: !oneToOne || !input.sameText(group.before[0] ?? 0, group.after[0] ?? 0),
    evidence: { text: Math.max(...scores.map((s) => s.text)), title: Math.max(...scores.map((s) => s.title)), basis: LINK_BASES.filter((b) => bases.has(b)) },
  };
}

/** Old draft order; a new unit right after the group holding the unit before it in the new draft. */
function ordered(groups: Group[], after: number): Group[] {
  const rank = new Map<Group, number>();
  const sortedByBefore = groups.filter((g) => g.before.length > 0).sort((a, b) => (a.before[0] ?? 0) - (b.before[0] ?? 0));
  sortedByBefore.forEach((g, k) => rank.set(g, k));
  const groupOfAfter = new Map<number, Group>();
  for (const g of groups) for (const j of g.after) groupOfAfter.set(j, g);
  let last = -1;
  for (let j = 0; j < after; j += 1) {
    const g = groupOfAfter.get(j);
    if (!g) continue;
    const own = rank.get(g);
    if (own === undefined) rank.set(g, (last = last + 1e-6));
    else last = Math.max(last, own);
  }
  return [...groups].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

export function correspondencesOf<Key>(links: readonly Link[], input: GroupInput<Key>): Array<Correspondence<Key>> {
  const groups = groupsOf(links, input.beforeKeys.length, input.afterKeys.length);
  return ordered(groups, input.afterKeys.length).map((g) => correspondenceOf(g, input));
}
