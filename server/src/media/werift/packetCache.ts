/**
 * The last packets sent to one consumer, by the sequence number the consumer saw, so its NACKs can be
 * answered. A power-of-two ring indexed by the low bits: O(1), no allocation per packet. 1024 packets is
 * about 3 s of 2 Mbps video, longer than any receiver keeps asking.
 */
export const PACKET_CACHE_SIZE = 1024;

export interface CachedPacket<T> {
  seq: number;
  item: T;
  /** performance.now() of the last retransmission, to ignore NACK repeats within one round trip. */
  resentAtMs: number;
}

export class PacketCache<T> {
  private readonly slots: Array<CachedPacket<T> | undefined> = new Array(PACKET_CACHE_SIZE);

  store(seq: number, item: T): void {
    const index = seq & (PACKET_CACHE_SIZE - 1);
    const slot = this.slots[index];
    if (slot) {
      slot.seq = seq;
      slot.item = item;
      slot.resentAtMs = -Infinity;
    } else {
      this.slots[index] = { seq, item, resentAtMs: -Infinity };
    }
  }

  get(seq: number): CachedPacket<T> | undefined {
    const slot = this.slots[seq & (PACKET_CACHE_SIZE - 1)];
    return slot && slot.seq === seq ? slot : undefined;
  }

  clear(): void {
    this.slots.fill(undefined);
  }
}
