/** 16-bit RTP sequence-number arithmetic: every comparison must survive the wrap at 65535. */

export const SEQ_MOD = 0x1_0000;

/** a - b in the range [-32768, 32767]: positive when a is newer than b. */
export function seqDelta(a: number, b: number): number {
  const d = (a - b) & 0xffff;
  return d >= 0x8000 ? d - SEQ_MOD : d;
}

export function seqAdd(a: number, n: number): number {
  return (a + n) & 0xffff;
}

/** Tracks the extended (32-bit and beyond) value of a wrapping 16-bit counter. */
export class SeqUnwrapper {
  private last: number | null = null;

  /** The extended value of `seq`, assuming it is within 32767 of the last one seen. */
  unwrap(seq: number): number {
    if (this.last === null) {
      this.last = seq;
      return seq;
    }
    const extended = this.last + seqDelta(seq, this.last & 0xffff);
    if (extended > this.last) this.last = extended;
    return extended;
  }
}
