/**
 * Does this RTP payload start a key frame? A consumer that starts or resumes mid-stream forwards nothing
 * until one arrives, so the receiver's decoder never sees frames it cannot decode (and does not flood us
 * with NACKs for packets from before it joined).
 */
export type VideoCodecName = 'vp8' | 'h264';

export function isKeyFrameStart(codec: VideoCodecName, payload: Buffer): boolean {
  return codec === 'vp8' ? isVp8KeyFrameStart(payload) : isH264KeyFrameStart(payload);
}

/** RFC 7741 payload descriptor, then the VP8 frame tag whose lowest bit is 0 on key frames. */
export function isVp8KeyFrameStart(payload: Buffer): boolean {
  const first = payload[0];
  if (first === undefined) return false;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionIndex = first & 0x07;
  if (!startOfPartition || partitionIndex !== 0) return false;
  let offset = 1;
  if (first & 0x80) {
    const ext = payload[offset++] ?? 0;
    if (ext & 0x80) offset += ((payload[offset] ?? 0) & 0x80) !== 0 ? 2 : 1; // picture id, 7 or 15 bits
    if (ext & 0x40) offset += 1; // TL0PICIDX
    if (ext & 0x30) offset += 1; // TID / KEYIDX
  }
  const frameTag = payload[offset];
  return frameTag !== undefined && (frameTag & 0x01) === 0;
}

const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_STAP_A = 24;
const NAL_FU_A = 28;

/** RFC 6184: an IDR or SPS, alone, in a STAP-A aggregate, or at the start of a fragmented unit. */
export function isH264KeyFrameStart(payload: Buffer): boolean {
  const type = (payload[0] ?? 0) & 0x1f;
  if (type === NAL_IDR || type === NAL_SPS) return true;
  if (type === NAL_FU_A) {
    const header = payload[1] ?? 0;
    const nal = header & 0x1f;
    return (header & 0x80) !== 0 && (nal === NAL_IDR || nal === NAL_SPS);
  }
  if (type !== NAL_STAP_A) return false;
  for (let offset = 1; offset + 2 < payload.length; ) {
    const size = payload.readUInt16BE(offset);
    const nal = (payload[offset + 2] ?? 0) & 0x1f;
    if (nal === NAL_IDR || nal === NAL_SPS) return true;
    offset += 2 + size;
  }
  return false;
}
