import {
  PictureLossIndication,
  RtcpPayloadSpecificFeedback,
  RtcpRrPacket,
  RtcpSrPacket,
  type RtcpPacket,
} from 'werift';
import type { WeriftConsumer } from './consumer';
import type { WeriftProducer } from './producer';
import type { ParsedRtcp } from './rtcpParse';

/** Where an incoming RTCP packet goes: SRs to producers, feedback and receiver reports to consumers. */
export interface RtcpTargets {
  producerBySsrc(ssrc: number): WeriftProducer | undefined;
  consumerBySsrc(ssrc: number): WeriftConsumer | undefined;
}

export function dispatchRtcp(parsed: ParsedRtcp, targets: RtcpTargets): void {
  if (parsed.kind === 'nack') {
    targets.consumerBySsrc(parsed.mediaSsrc)?.onNack(parsed.lost);
    return;
  }
  dispatchWeriftPacket(parsed.packet, targets);
}

function dispatchWeriftPacket(packet: RtcpPacket, targets: RtcpTargets): void {
  if (packet instanceof RtcpSrPacket) {
    targets.producerBySsrc(packet.ssrc)?.handleSenderReport(packet.senderInfo.ntpTimestamp, packet.senderInfo.rtpTimestamp);
    forwardReports(packet.reports, targets);
  } else if (packet instanceof RtcpRrPacket) {
    forwardReports(packet.reports, targets);
  } else if (packet instanceof RtcpPayloadSpecificFeedback) {
    dispatchPayloadFeedback(packet, targets);
  }
}

function forwardReports(reports: RtcpRrPacket['reports'], targets: RtcpTargets): void {
  for (const report of reports) targets.consumerBySsrc(report.ssrc)?.onReceiverReport(report);
}

function dispatchPayloadFeedback(packet: RtcpPayloadSpecificFeedback, targets: RtcpTargets): void {
  const fb: unknown = packet.feedback;
  if (fb instanceof PictureLossIndication) {
    targets.consumerBySsrc(fb.mediaSsrc)?.onKeyFrameRequest();
    return;
  }
  // werift does not export its FIR class: recognise a Full Intra Request by its entries.
  if (isFir(fb)) for (const entry of fb.fir) targets.consumerBySsrc(entry.ssrc)?.onKeyFrameRequest();
}

function isFir(fb: unknown): fb is { fir: Array<{ ssrc: number }> } {
  return typeof fb === 'object' && fb !== null && Array.isArray((fb as { fir?: unknown }).fir);
}
