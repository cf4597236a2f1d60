import type { MediaFloor } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { errorText } from '../ui/useCommand';
import type { MediaViewRole } from './consumePlan';
import type { MediaSession, MediaSnapshot } from './mediaSession';
import { useMediaStrings } from './mediaStrings';
import { PointGrid } from './PointGrid';
import { SelfBar, SpeakerButton } from './SelfBar';
import { StageView } from './StageView';
import { useFloorFeed, useMediaFloor, useMediaSession, useMediaSnapshot } from './useMedia';
import { VideoTrack } from './VideoTrack';
import './media.css';

/**
 * The media of a console: the chair's grid of points, a point's stage with its own state, the display's
 * stage. What is received follows the floor (consumePlan); who is heard is decided by the hub.
 */
export function MediaView({ role }: { role: MediaViewRole }) {
  const m = useMediaStrings();
  const t = useT();
  const media = useMediaSession(role);
  const snap = useMediaSnapshot(media);
  const floor = useMediaFloor();
  useFloorFeed(media, floor);
  if (!media || !snap) return <p className="mv-empty">{m.connecting}</p>;
  if (snap.status === 'unavailable') return <p className="mv-empty" data-testid="media-unavailable">{m.unavailable}</p>;
  return (
    <div className={`mv mv--${role}`} data-testid="media-view" data-media-status={snap.status}>
      <div className="mv__main">
        {role === 'chair' ? <ChairMedia snap={snap} floor={floor} /> : <StageView snap={snap} floor={floor} />}
        {role === 'point' && snap.localVideo && floor.floorPointId !== snap.pointId ? <SelfPreview snap={snap} /> : null}
        {snap.refusal ? <p className="mv-banner" role="status" data-testid="media-refusal">{errorText(t, snap.refusal)}</p> : snap.status === 'failed' ? <p className="mv-banner" role="status">{m.failed}</p> : null}
        {snap.audioBlocked ? <SoundUnlock media={media} /> : null}
      </div>
      {snap.canProduce ? <SelfBar media={media} snap={snap} floor={floor} /> : role === 'display' ? null : <SpeakerButton media={media} snap={snap} />}
    </div>
  );
}

/** The chair: the floor holder large with the grid beside it while a point speaks; the grid alone otherwise. */
function ChairMedia({ snap, floor }: { snap: MediaSnapshot; floor: MediaFloor }) {
  const speaking = floor.floorPointId !== null && floor.floorPointId !== snap.pointId;
  if (!speaking) return <PointGrid snap={snap} floor={floor} />;
  return (
    <div className="mv-chair" data-testid="chair-stage">
      <div className="mv-chair__stage"><StageView snap={snap} floor={floor} /></div>
      <div className="mv-chair__grid"><PointGrid snap={snap} floor={floor} /></div>
    </div>
  );
}

function SelfPreview({ snap }: { snap: MediaSnapshot }) {
  const m = useMediaStrings();
  if (!snap.localVideo || snap.cameraOff) return null;
  return (
    <div className="mv-pip" data-testid="media-self-preview">
      <VideoTrack track={snap.localVideo} fit="cover" mirrored label={m.you} />
    </div>
  );
}

function SoundUnlock({ media }: { media: MediaSession }) {
  const m = useMediaStrings();
  return (
    <button type="button" className="btn btn--primary mv-unlock" onClick={() => media.unlockAudio()}>
      <Icon name="speaker" /> {m.enableSound}
    </button>
  );
}
