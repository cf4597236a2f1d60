/**
 * The bench's publishing points, alone in their own process so that hundreds of receivers cannot starve them:
 * each sends synthetic 640×480-class VP8-shaped video at 30 fps and ~1.5 Mbps (key frames on PLI, ignoring a PLI
 * within 300 ms of the last key frame as Chrome does) plus Opus-sized audio, and counts the frames it sent, so the
 * coordinator can tell whether the stream the SFU forwarded was the full 30 fps.
 */
import type { MediaSource } from '../../../shared/src/media';
import { SyntheticSender, TransportSequence } from '../../../server/src/media/testing/syntheticSender';
import { ParentLink, ok } from './ipc';
import type { PublishedPoint, PublisherRequest, PublisherSample } from './protocol';
import { VIDEO_BITRATE_BPS, VIDEO_FPS, wallMs } from './protocol';

const CHROME_PLI_HOLD_OFF_MS = 300;

const videos = new Map<string, SyntheticSender>();

async function publish(link: ParentLink<PublisherRequest>, pointId: string): Promise<PublishedPoint> {
  const { peer, transportId } = await link.connectPeer(pointId, 'send', 'decrypt');
  const seq = new TransportSequence();
  const video = new SyntheticSender(peer, { kind: 'video', fps: VIDEO_FPS, bitrateBps: VIDEO_BITRATE_BPS, pliHoldOffMs: CHROME_PLI_HOLD_OFF_MS }, seq);
  const audio = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 }, seq);
  const produce = async (sender: SyntheticSender, source: MediaSource) =>
    ok(await link.sfu({ op: 'produce', pointId, transportId, request: { kind: sender === video ? 'video' : 'audio', rtpParameters: sender.rtpParameters(), appData: { source } } })).producerId;
  const point = { pointId, videoId: await produce(video, 'main'), audioId: await produce(audio, 'mic') };
  video.start();
  audio.start();
  videos.set(pointId, video);
  return point;
}

const link: ParentLink<PublisherRequest> = new ParentLink<PublisherRequest>(async (request) => {
  switch (request.op) {
    case 'start': {
      const points: PublishedPoint[] = [];
      for (const pointId of request.pointIds) points.push(await publish(link, pointId));
      return points;
    }
    case 'sample':
      return { atMs: wallMs(), frames: Object.fromEntries([...videos].map(([pointId, v]) => [pointId, v.counters.frames])) } satisfies PublisherSample;
  }
});
