/**
 * Hands out UDP ports from the configured MEDIA_PORT_MIN..MAX range, one per transport, round-robin so a
 * port just released (and perhaps still receiving a late packet from its old peer) is reused last.
 * werift's own `portRange` search probes from the bottom of the range on every call and races when two
 * transports are created at once; giving it a one-port range chosen here avoids both.
 */
export class PortAllocator {
  private readonly inUse = new Set<number>();
  private next: number;

  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 65_535 || min > max) {
      throw new RangeError(`invalid media port range ${min}-${max}`);
    }
    this.next = min;
  }

  get size(): number {
    return this.max - this.min + 1;
  }

  get used(): number {
    return this.inUse.size;
  }

  /** A free port, or null when the whole range is taken. */
  acquire(): number | null {
    for (let i = 0; i < this.size; i++) {
      const port = this.next;
      this.next = port === this.max ? this.min : port + 1;
      if (!this.inUse.has(port)) {
        this.inUse.add(port);
        return port;
      }
    }
    return null;
  }

  release(port: number): void {
    this.inUse.delete(port);
  }
}
