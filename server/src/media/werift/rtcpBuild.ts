/**
 * Raw RTCP serializers for what the SFU sends. Written out here rather than through werift's classes
 * because those allocate several objects per packet and werift's own NACK writer does not survive the
 * sequence-number wrap. Layouts: RFC 3550 (SR/RR), RFC 4585 (NACK, PLI), draft-alvestrand-rmcat-remb.
 */

const PT_SR = 200;
const PT_RR = 201;
const PT_RTPFB = 205;
const PT_PSFB = 206;
const FMT_NACK = 1;
const FMT_PLI = 1;
const FMT_REMB = 15;

/** Writes the 4-byte common header; `lengthBytes` is the whole packet (a multiple of 4). */
export function writeRtcpHeader(buf: Buffer, countOrFmt: number, packetType: number, lengthBytes: number, padding = false): void {
  buf[0] = 0x80 | (padding ? 0x20 : 0) | (countOrFmt & 0x1f);
  buf[1] = packetType;
  buf.writeUInt16BE(lengthBytes / 4 - 1, 2);
}

/** Generic NACK for `lost` (any order, wrap-safe: each PID covers the 16 sequence numbers after it). */
export function buildNack(senderSsrc: number, mediaSsrc: number, lost: readonly number[]): Buffer {
  const items = nackItems(lost);
  const buf = Buffer.alloc(12 + items.length * 4);
  writeRtcpHeader(buf, FMT_NACK, PT_RTPFB, buf.length);
  buf.writeUInt32BE(senderSsrc >>> 0, 4);
  buf.writeUInt32BE(mediaSsrc >>> 0, 8);
  items.forEach(([pid, blp], i) => {
    buf.writeUInt16BE(pid, 12 + i * 4);
    buf.writeUInt16BE(blp, 14 + i * 4);
  });
  return buf;
}

function nackItems(lost: readonly number[]): Array<[number, number]> {
  const pending = new Set(lost.map((s) => s & 0xffff));
  const items: Array<[number, number]> = [];
  for (const pid of lost) {
    if (!pending.has(pid & 0xffff)) continue;
    pending.delete(pid & 0xffff);
    let blp = 0;
    for (let bit = 0; bit < 16; bit++) {
      const seq = (pid + bit + 1) & 0xffff;
      if (pending.delete(seq)) blp |= 1 << bit;
    }
    items.push([pid & 0xffff, blp]);
  }
  return items;
}

export function buildPli(senderSsrc: number, mediaSsrc: number): Buffer {
  const buf = Buffer.alloc(12);
  writeRtcpHeader(buf, FMT_PLI, PT_PSFB, 12);
  buf.writeUInt32BE(senderSsrc >>> 0, 4);
  buf.writeUInt32BE(mediaSsrc >>> 0, 8);
  return buf;
}

/** Receiver-estimated maximum bitrate: the sender caps its total bitrate for `ssrcs` at `bitrateBps`. */
export function buildRemb(senderSsrc: number, bitrateBps: number, ssrcs: readonly number[]): Buffer {
  const buf = Buffer.alloc(20 + ssrcs.length * 4);
  writeRtcpHeader(buf, FMT_REMB, PT_PSFB, buf.length);
  buf.writeUInt32BE(senderSsrc >>> 0, 4);
  buf.writeUInt32BE(0, 8);
  buf.write('REMB', 12, 'ascii');
  let mantissa = Math.max(0, Math.floor(bitrateBps));
  let exp = 0;
  while (mantissa > 0x3ffff) {
    mantissa = Math.floor(mantissa / 2);
    exp++;
  }
  buf[16] = ssrcs.length;
  buf[17] = (exp << 2) | (mantissa >>> 16);
  buf.writeUInt16BE(mantissa & 0xffff, 18);
  ssrcs.forEach((ssrc, i) => buf.writeUInt32BE(ssrc >>> 0, 20 + i * 4));
  return buf;
}

export interface ReportBlock {
  ssrc: number;
  /** Fraction of packets lost since the previous report, 0..255 (of 256). */
  fractionLost: number;
  /** Cumulative packets lost (may be negative with duplicates), clamped to 24 bits. */
  cumulativeLost: number;
  extendedHighestSeq: number;
  jitter: number;
  /** Middle 32 bits of the NTP time of the last SR received, 0 if none. */
  lastSr: number;
  /** Delay since that SR in units of 1/65536 s. */
  delaySinceLastSr: number;
}

export function buildReceiverReport(senderSsrc: number, blocks: readonly ReportBlock[]): Buffer {
  const buf = Buffer.alloc(8 + blocks.length * 24);
  writeRtcpHeader(buf, blocks.length, PT_RR, buf.length);
  buf.writeUInt32BE(senderSsrc >>> 0, 4);
  blocks.forEach((b, i) => {
    const o = 8 + i * 24;
    buf.writeUInt32BE(b.ssrc >>> 0, o);
    buf[o + 4] = Math.max(0, Math.min(255, Math.round(b.fractionLost)));
    buf.writeIntBE(Math.max(-0x800000, Math.min(0x7fffff, b.cumulativeLost)), o + 5, 3);
    buf.writeUInt32BE(b.extendedHighestSeq >>> 0, o + 8);
    buf.writeUInt32BE(Math.max(0, Math.round(b.jitter)) >>> 0, o + 12);
    buf.writeUInt32BE(b.lastSr >>> 0, o + 16);
    buf.writeUInt32BE(b.delaySinceLastSr >>> 0, o + 20);
  });
  return buf;
}

export interface SenderInfo {
  ntpTimestamp: bigint;
  rtpTimestamp: number;
  packetCount: number;
  octetCount: number;
}

export function buildSenderReport(ssrc: number, info: SenderInfo): Buffer {
  const buf = Buffer.alloc(28);
  writeRtcpHeader(buf, 0, PT_SR, 28);
  buf.writeUInt32BE(ssrc >>> 0, 4);
  buf.writeBigUInt64BE(BigInt.asUintN(64, info.ntpTimestamp), 8);
  buf.writeUInt32BE(info.rtpTimestamp >>> 0, 16);
  buf.writeUInt32BE(info.packetCount >>> 0, 20);
  buf.writeUInt32BE(info.octetCount >>> 0, 24);
  return buf;
}

/** The middle 32 bits of a 64-bit NTP timestamp, as LSR fields carry it. */
export function ntpMiddle32(ntp: bigint): number {
  return Number((ntp >> 16n) & 0xffff_ffffn);
}
