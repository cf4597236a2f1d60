/**
 * A share of the bench's receiving points in one process. Each is a Node peer, DTLS-connected like a browser, that
 * consumes every publisher's video and audio (the live video resumed, the other paused until a floor switch, both
 * microphones resumed: the SFU holds the one that may not be heard) and NACKs gaps. The peers read the clear RTP
 * header only (`headers` mode): packets, frames (marker bit) and missing sequence numbers are counted without
 * decrypting, so this process's CPU does not grow with the payload it would otherwise decrypt.
 */
import { performance } from 'node:perf_hooks';
import type { MediaResult, RtpCapabilities } from '../../../shared/src/media';
import type { RawPeer } from '../../../server/src/media/testing/rawPeer';
import { StreamReceiver } from '../../../server/src/media/testing/streamReceiver';
import { ParentLink, ok } from './ipc';
import type { PublishedPoint, ReceiverCounts, ReceiverRequest, ReceiversAdded, ReceiverSample } from './protocol';
import { wallMs } from './protocol';

/** Receivers connecting at once in this process: ICE and the DTLS handshake cost a few ms of CPU each. */
const CONNECT_CONCURRENCY = 2;

interface BenchReceiver {
  peer: RawPeer;
  videos: StreamReceiver[];
  /** Every stream of this receiver, by producer id. */
  streams: Map<string, StreamReceiver>;
}

const receivers: BenchReceiver[] = [];
let armed: Array<Promise<number>> = [];

async function addReceiver(index: number, caps: RtpCapabilities, points: PublishedPoint[], liveVideoId: string): Promise<BenchReceiver> {
  const pointId = `receiver-${index}`;
  const { peer, transportId } = await link.connectPeer(pointId, 'recv', 'headers');
  const receiver: BenchReceiver = { peer, videos: [], streams: new Map() };
  for (const producerId of points.flatMap((p) => [p.videoId, p.audioId])) {
    const consumer = ok(await link.sfu({ op: 'consume', pointId, transportId, producerId, rtpCapabilities: caps }));
    const stream = new StreamReceiver(peer, consumer.rtpParameters);
    receiver.streams.set(producerId, stream);
    const video = consumer.kind === 'video';
    if (video) receiver.videos.push(stream);
    // The video not on stage stays paused on the SFU until a floor switch resumes it.
    if (!video || producerId === liveVideoId) ok((await link.sfu({ op: 'resume', pointId, consumerId: consumer.id })) as MediaResult<unknown>);
  }
  return receiver;
}

async function add(request: Extract<ReceiverRequest, { op: 'add' }>): Promise<ReceiversAdded> {
  const queue = [...request.indices];
  const worker = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      receivers.push(await addReceiver(index, request.rtpCapabilities, request.points, request.liveVideoId));
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  return { receivers: receivers.length, connectRetries: link.connectRetries };
}

function counts(r: BenchReceiver): ReceiverCounts {
  const streams = [...r.streams.values()];
  return {
    frames: r.videos.reduce((n, s) => n + s.counters.frames, 0),
    missing: streams.reduce((n, s) => n + s.missing, 0),
    packets: streams.reduce((n, s) => n + s.counters.packets, 0),
  };
}

function withTimeout(promise: Promise<number>, timeoutMs: number): Promise<number | null> {
  return Promise.race([promise.then((atMs) => performance.timeOrigin + atMs), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
}

const link: ParentLink<ReceiverRequest> = new ParentLink<ReceiverRequest>(async (request) => {
  switch (request.op) {
    case 'add':
      return add(request);
    case 'arm':
      armed = receivers.map((r) => {
        const stream = r.streams.get(request.producerId);
        if (!stream) throw new Error(`no stream of producer ${request.producerId}`);
        return stream.nextKeyFrame();
      });
      return armed.length;
    case 'collect': {
      const times = await Promise.all(armed.map((p) => withTimeout(p, request.timeoutMs)));
      armed = [];
      return times;
    }
    case 'sample':
      return { atMs: wallMs(), receivers: receivers.map(counts) } satisfies ReceiverSample;
  }
});
