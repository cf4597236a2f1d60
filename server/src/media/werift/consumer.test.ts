import type { RtpHeader } from 'werift';
import { WeriftConsumer } from './consumer';
import type { ForwardPacket, TransportLink } from './link';
import { WeriftProducer } from './producer';
import { mapProducer, type ProducerMapping } from './rtpMapping';

/** A transport that records what it would put on the wire. */
class RecordingLink implements TransportLink {
  readonly rtcpSsrc = 1;
  readonly connected = true;
  readonly rtp: Array<{ ssrc: number; pt: number; seq: number; payload: Buffer }> = [];
  readonly rtcp: Buffer[] = [];
  sendRtp(payload: Buffer, header: RtpHeader): void {
    this.rtp.push({ ssrc: header.ssrc, pt: header.payloadType, seq: header.sequenceNumber, payload });
  }
  sendRtcp(packet: Buffer): void {
    this.rtcp.push(packet);
  }
}

const rtpParameters = {
  codecs: [
    { mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000, rtcpFeedback: [{ type: 'nack' }] },
    { mimeType: 'video/rtx', payloadType: 97, clockRate: 90_000, parameters: { apt: 96 } },
  ],
  encodings: [{ ssrc: 1111, rtx: { ssrc: 2222 } }],
};

function packet(seq: number, key = false, retransmitted = false): ForwardPacket {
  return { producerSeq: seq, timestamp: seq * 3000, marker: true, payload: Buffer.from([0x10, key ? 0 : 1, seq & 0xff]), extensions: [], keyFrameStart: key, retransmitted };
}

function setup(paused = false) {
  const link = new RecordingLink();
  const producer = new WeriftProducer('video', rtpParameters, {}, mapProducer('video', rtpParameters) as ProducerMapping, link);
  const ids = { ssrc: 5555, rtxSsrc: 6666, payloadType: 101, rtxPayloadType: 102 };
  const consumer = new WeriftConsumer(producer, link, ids, rtpParameters, paused);
  return { link, consumer };
}

describe('WeriftConsumer', () => {
  test('starts on a key frame, then rewrites SSRC and payload type with its own contiguous numbering', () => {
    const { link, consumer } = setup();
    consumer.forward(packet(500));
    consumer.forward(packet(501, true));
    consumer.forward(packet(502));
    expect(link.rtp.map((p) => [p.ssrc, p.pt])).toEqual([[5555, 101], [5555, 101]]);
    expect((link.rtp[1]!.seq - link.rtp[0]!.seq) & 0xffff).toBe(1);
  });

  test('never starts on a repaired key-frame packet: the packets after it may already be gone', () => {
    const { link, consumer } = setup();
    consumer.forward(packet(700, true, true));
    consumer.forward(packet(701));
    expect(link.rtp).toEqual([]);
    consumer.forward(packet(702, true));
    expect(link.rtp).toHaveLength(1);
  });

  test('after a pause the stream resumes at the next key frame with no gap in its numbering', async () => {
    const { link, consumer } = setup();
    consumer.forward(packet(10, true));
    consumer.forward(packet(11));
    await consumer.pause();
    consumer.forward(packet(12));
    await consumer.resume();
    consumer.forward(packet(13));
    consumer.forward(packet(14, true));
    const seqs = link.rtp.map((p) => p.seq);
    expect(seqs).toHaveLength(3);
    expect([(seqs[1]! - seqs[0]!) & 0xffff, (seqs[2]! - seqs[1]!) & 0xffff]).toEqual([1, 1]);
  });

  test('answers a NACK as RTX: original sequence number first, then the payload; not twice within a round trip', () => {
    const { link, consumer } = setup();
    consumer.forward(packet(40, true));
    consumer.forward(packet(41));
    const lost = link.rtp[1]!;
    consumer.onNack([lost.seq, (lost.seq + 100) & 0xffff]);
    consumer.onNack([lost.seq]);
    const rtx = link.rtp.slice(2);
    expect(rtx).toHaveLength(1);
    expect(rtx[0]).toMatchObject({ ssrc: 6666, pt: 102 });
    expect(rtx[0]!.payload.readUInt16BE(0)).toBe(lost.seq);
    expect(rtx[0]!.payload.subarray(2)).toEqual(lost.payload);
    expect(consumer.counters.retransmitted).toBe(1);
  });
});
