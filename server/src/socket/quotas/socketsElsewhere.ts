/**
 * The sockets the other hub nodes hold, per session and join code, as they last told (Q55). A node that has
 * said nothing for `deadAfterMs` (each says something at least every second) or said goodbye counts for nothing:
 * the consoles of a node that died reconnect elsewhere and must not be refused for the sockets they had there.
 */
export class SocketsElsewhere {
  private readonly nodes = new Map<string, { heardAt: number; sockets: Map<string, number> }>();

  constructor(private readonly deadAfterMs: number) {}

  /**
   * A node was heard: its counts for the keys it names (all of them when `full`). A node heard after a silence
   * past `deadAfterMs` starts from nothing: what it said before may have changed meanwhile (ask it for its full
   * counts).
   */
  heard(node: string, at: number, sockets: Record<string, number> = {}, full = false): void {
    let known = this.nodes.get(node);
    if (!known || full || !this.knows(node, at)) {
      known = { heardAt: at, sockets: new Map() };
      this.nodes.set(node, known);
    }
    known.heardAt = at;
    for (const [key, count] of Object.entries(sockets)) {
      if (count > 0) known.sockets.set(key, count);
      else known.sockets.delete(key);
    }
  }

  /** Whether `node` was heard from lately. */
  knows(node: string, now: number): boolean {
    const known = this.nodes.get(node);
    return known !== undefined && now - known.heardAt <= this.deadAfterMs;
  }

  gone(node: string): void {
    this.nodes.delete(node);
  }

  /** Sockets under `key` on the nodes heard from lately; forgets the ones silent too long. */
  held(key: string, now: number): number {
    let held = 0;
    for (const [node, known] of this.nodes) {
      if (now - known.heardAt > this.deadAfterMs) this.nodes.delete(node);
      else held += known.sockets.get(key) ?? 0;
    }
    return held;
  }
}
