import { isH264KeyFrameStart, isVp8KeyFrameStart } from './keyframe';

describe('key-frame detection', () => {
  test('VP8: start of partition 0 with the inverse key-frame bit clear, with or without extensions', () => {
    expect(isVp8KeyFrameStart(Buffer.from([0x10, 0x00]))).toBe(true);
    expect(isVp8KeyFrameStart(Buffer.from([0x10, 0x01]))).toBe(false);
    expect(isVp8KeyFrameStart(Buffer.from([0x00, 0x00]))).toBe(false); // continuation packet
    // X=1, I=1 with a 15-bit picture id (M bit), L=1, T=1: descriptor is 5 bytes, then the frame tag.
    expect(isVp8KeyFrameStart(Buffer.from([0x90, 0xe0, 0x81, 0x23, 0x05, 0x40, 0x9c]))).toBe(true);
    expect(isVp8KeyFrameStart(Buffer.from([0x90, 0xe0, 0x81, 0x23, 0x05, 0x40, 0x9d]))).toBe(false);
  });

  test('H264: IDR, SPS in a STAP-A, and the first fragment of an IDR', () => {
    expect(isH264KeyFrameStart(Buffer.from([0x65, 0x88]))).toBe(true);
    expect(isH264KeyFrameStart(Buffer.from([0x41, 0x9a]))).toBe(false);
    expect(isH264KeyFrameStart(Buffer.from([0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xce]))).toBe(true);
    expect(isH264KeyFrameStart(Buffer.from([0x7c, 0x85, 0x00]))).toBe(true);
    expect(isH264KeyFrameStart(Buffer.from([0x7c, 0x05, 0x00]))).toBe(false); // middle fragment
  });
});
