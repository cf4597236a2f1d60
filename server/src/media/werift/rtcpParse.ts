import { RtcpPacketConverter, type RtcpPacket } from 'werift';

/**
 * werift hands each RTCP parser the rest of the compound packet rather than its own bytes, so a NACK
 * followed by a receiver report (Chrome's usual compound) gains dozens of bogus sequence numbers. Split
 * the compound by the length fields first; parse NACKs here, everything else with werift one by one.
 */
export type ParsedRtcp = { kind: 'nack'; mediaSsrc: number; lost: number[] } | { kind: 'werift'; packet: RtcpPacket };

const PT_RTPFB = 205;
const FMT_NACK = 1;

export function splitCompound(buf: Buffer): Buffer[] {
  const packets: Buffer[] = [];
  for (let offset = 0; offset + 4 <= buf.length; ) {
    const length = (buf.readUInt16BE(offset + 2) + 1) * 4;
    if (offset + length > buf.length) break;
    packets.push(buf.subarray(offset, offset + length));
    offset += length;
  }
  return packets;
}

export function parseNack(packet: Buffer): { mediaSsrc: number; lost: number[] } | null {
  if (packet.length < 12) return null;
  const mediaSsrc = packet.readUInt32BE(8);
  const lost: number[] = [];
  for (let o = 12; o + 4 <= packet.length; o += 4) {
    const pid = packet.readUInt16BE(o);
    const blp = packet.readUInt16BE(o + 2);
    lost.push(pid);
    for (let bit = 0; bit < 16; bit++) if (blp & (1 << bit)) lost.push((pid + bit + 1) & 0xffff);
  }
  return { mediaSsrc, lost };
}

export function parseRtcp(compound: Buffer): ParsedRtcp[] {
  const out: ParsedRtcp[] = [];
  for (const packet of splitCompound(compound)) {
    if (packet[1] === PT_RTPFB && ((packet[0] ?? 0) & 0x1f) === FMT_NACK) {
      const nack = parseNack(packet);
      if (nack) out.push({ kind: 'nack', ...nack });
      continue;
    }
    try {
      for (const parsed of RtcpPacketConverter.deSerialize(packet)) out.push({ kind: 'werift', packet: parsed });
    } catch {
      // A malformed packet from the peer: skip it, keep the rest of the compound.
    }
  }
  return out;
}
