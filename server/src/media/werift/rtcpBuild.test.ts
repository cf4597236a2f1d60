import { type GenericNack, RtcpPacketConverter, type RtcpPayloadSpecificFeedback, type RtcpRrPacket, type RtcpSrPacket, RtcpTransportLayerFeedback, type ReceiverEstimatedMaxBitrate } from 'werift';
import { buildNack, buildReceiverReport, buildRemb, buildSenderReport } from './rtcpBuild';

describe('RTCP writers (checked with werift’s parser)', () => {
  test('a NACK across the sequence wrap lists exactly the lost packets', () => {
    const lost = [65534, 65535, 0, 3, 17, 400];
    const [packet] = RtcpPacketConverter.deSerialize(buildNack(7, 9, lost));
    expect(packet).toBeInstanceOf(RtcpTransportLayerFeedback);
    const nack = (packet as RtcpTransportLayerFeedback).feedback as GenericNack;
    expect(nack.mediaSourceSsrc).toBe(9);
    // werift's parser does not wrap PID + n itself: mask it.
    expect(nack.lost.map((s) => s & 0xffff).sort((a, b) => a - b)).toEqual([...lost].sort((a, b) => a - b));
  });

  test('REMB carries the bitrate within mantissa precision and the SSRCs', () => {
    const [packet] = RtcpPacketConverter.deSerialize(buildRemb(1, 2_500_000, [11, 12]));
    const remb = (packet as RtcpPayloadSpecificFeedback).feedback as ReceiverEstimatedMaxBitrate;
    expect(Number(remb.bitrate)).toBeGreaterThan(2_490_000);
    expect(Number(remb.bitrate)).toBeLessThanOrEqual(2_500_000);
    expect(remb.ssrcFeedbacks).toEqual([11, 12]);
  });

  test('SR and RR round-trip', () => {
    const packets = RtcpPacketConverter.deSerialize(
      Buffer.concat([
        buildSenderReport(5, { ntpTimestamp: 0xe000_0000_8000_0000n, rtpTimestamp: 123, packetCount: 4, octetCount: 99 }),
        buildReceiverReport(6, [{ ssrc: 5, fractionLost: 25, cumulativeLost: 3, extendedHighestSeq: 70_000, jitter: 12, lastSr: 77, delaySinceLastSr: 65_536 }]),
      ]),
    );
    const sr = packets[0] as RtcpSrPacket;
    expect(sr.ssrc).toBe(5);
    expect(sr.senderInfo.rtpTimestamp).toBe(123);
    expect(sr.senderInfo.ntpTimestamp).toBe(0xe000_0000_8000_0000n);
    const rr = packets[1] as RtcpRrPacket;
    expect(rr.reports[0]).toMatchObject({ ssrc: 5, fractionLost: 25, packetsLost: 3, highestSequence: 70_000, lsr: 77, dlsr: 65_536 });
  });
});
