import { stagePointId, type MediaFloor } from '@diem-cau/shared';
import { producerOf } from './consumePlan';
import type { MediaSnapshot } from './mediaSession';
import { useMediaStrings } from './mediaStrings';
import { StageCaption } from './StageCaption';
import { VideoTrack } from './VideoTrack';

/**
 * The floor holder's main camera, large (the chair's point between speeches). When this console's own point
 * holds the floor it shows its local camera: no round trip through the SFU to see oneself.
 */
export function StageView({ snap, floor }: { snap: MediaSnapshot; floor: MediaFloor }) {
  const m = useMediaStrings();
  const stage = stagePointId(floor);
  const isSelf = stage !== null && stage === snap.pointId;
  const producer = producerOf(snap.producers, stage, 'main');
  const track = isSelf ? snap.localVideo : producer ? snap.videoTracks[producer.producerId] : undefined;
  const cameraOff = isSelf ? snap.cameraOff : producer?.paused === true;
  const empty = cameraOff ? m.cameraOff : snap.status === 'connecting' ? m.connecting : m.waitingStage;
  const shown = track && !cameraOff ? track : undefined;
  // The queued speaker's camera plays here already, unseen: at the grant the same <video> (keyed by track)
  // moves to the front and shows its current picture at once, instead of a new element starting up.
  const standby = snap.producers
    .filter((p) => p.source === 'main' && p.producerId !== producer?.producerId)
    .map((p) => snap.videoTracks[p.producerId])
    .filter((t): t is MediaStreamTrack => t !== undefined && t !== shown);
  const videos = [...(shown ? [shown] : []), ...standby];
  return (
    <div className="mv-stage" data-testid="media-stage" data-stage-point={stage ?? ''} data-stage-producer={isSelf ? 'self' : producer?.producerId ?? ''}>
      {videos.map((t) => <VideoTrack key={t.id} track={t} mirrored={t === shown && isSelf} standby={t !== shown} />)}
      {shown ? null : <p className="mv-empty">{empty}</p>}
      <StageCaption floor={floor} />
    </div>
  );
}
