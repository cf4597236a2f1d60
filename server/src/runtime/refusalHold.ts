/**
 * A refusal told later (Q48, Q51): a client refused for what it sent — a wrong code, a hostile body, a socket
 * too many — is answered `holdMs` after asking, not at once. One that waits as told loses nothing; one that asks
 * again the moment it is answered gets one answer per connection per hold instead of hundreds a second, and
 * while it waits the hub neither reads from it nor answers it. Each held refusal costs a timer and a connection,
 * so at most `maxHeld` are held at once; past that they are answered at once.
 */
/** Refusals held at once by one hold unless told otherwise: each costs a timer and a connection. */
export const MAX_HELD_REFUSALS = 256;

export class RefusalHold {
  private heldNow = 0;

  constructor(private readonly maxHeld: number = MAX_HELD_REFUSALS) {}

  /** Refusals being held right now. */
  get held(): number {
    return this.heldNow;
  }

  /**
   * Calls `answer` after `holdMs` (at once when 0 or when too many are held). `onGone` subscribes to the client
   * leaving first: the refusal is then dropped and its place freed.
   */
  later(holdMs: number, answer: () => void, onGone: (gone: () => void) => void): void {
    if (holdMs <= 0 || this.heldNow >= this.maxHeld) return answer();
    this.heldNow += 1;
    let done = false;
    const release = () => {
      if (done) return false;
      done = true;
      this.heldNow -= 1;
      clearTimeout(timer);
      return true;
    };
    const timer = setTimeout(() => release() && answer(), holdMs);
    onGone(() => void release());
  }
}
