import type { LinkBasis } from './alignmentTypes';

/** One proposed link between before unit `before` and after unit `after` (indices in draft order). */
export interface Link {
  before: number;
  after: number;
  confidence: number;
  basis: LinkBasis[];
}

/** The links found so far, seen from both sides. */
export class LinkSet {
  readonly links: Link[] = [];
  private readonly afterOf: number[][];
  private readonly beforeOf: number[][];

  constructor(before: number, after: number) {
    this.afterOf = Array.from({ length: before }, () => []);
    this.beforeOf = Array.from({ length: after }, () => []);
  }

  add(link: Link): void {
    this.links.push(link);
    this.afterOf[link.before]?.push(link.after);
    this.beforeOf[link.after]?.push(link.before);
  }

  partnersOfBefore(i: number): readonly number[] {
    return this.afterOf[i] ?? [];
  }

  partnersOfAfter(j: number): readonly number[] {
    return this.beforeOf[j] ?? [];
  }

  /**
   * Whether linking i and j keeps every group a star (one → several or several → one): a unit
   * split in two whose piece is also merged with a third would make a group no one can read.
   */
  keepsStars(i: number, j: number): boolean {
    const afters = this.partnersOfBefore(i);
    const befores = this.partnersOfAfter(j);
    if (afters.length > 0 && befores.length > 0) return false;
    if (afters.length > 0) return afters.every((a) => this.partnersOfAfter(a).length === 1);
    if (befores.length > 0) return befores.every((b) => this.partnersOfBefore(b).length === 1);
    return true;
  }
}
