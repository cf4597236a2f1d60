import { listOf, type MediaFloor } from '@diem-cau/shared';
import { useConferenceState } from '../state/hooks';
import { producerOf } from './consumePlan';
import type { MediaSnapshot } from './mediaSession';
import { useMediaStrings } from './mediaStrings';
import { VideoTrack } from './VideoTrack';

/**
 * The chair's view of every point: the small thumbnail track of each, its microphone state, and the floor
 * holder framed. Points not connected yet keep their place, so the grid does not jump around.
 */
export function PointGrid({ snap, floor }: { snap: MediaSnapshot; floor: MediaFloor }) {
  const m = useMediaStrings();
  const state = useConferenceState();
  const points = listOf(state.points).filter((p) => p.id !== snap.pointId);
  return (
    <ul className="mv-grid" aria-label={m.grid} data-testid="media-grid" style={{ ['--mv-cols' as string]: String(columnsFor(points.length)) }}>
      {points.map((point) => {
        const thumb = producerOf(snap.producers, point.id, 'thumb');
        const mic = producerOf(snap.producers, point.id, 'mic');
        const track = thumb ? snap.videoTracks[thumb.producerId] : undefined;
        const onFloor = floor.floorPointId === point.id;
        const micState = !mic ? null : mic.paused ? 'held' : 'live';
        return (
          <li key={point.id} className={`mv-tile${onFloor ? ' mv-tile--floor' : ''}`} data-testid="media-tile" data-point={point.id} data-video={track && !thumb?.paused ? 'on' : 'off'} data-mic={micState ?? 'none'}>
            {track && !thumb?.paused ? <VideoTrack track={track} fit="cover" /> : <span className="mv-tile__empty">{thumb?.paused ? m.cameraOff : mic ? m.noVideo : m.offline}</span>}
            <span className="mv-tile__label">
              {micState ? (
                <span className={`mv-tile__mic mv-tile__mic--${micState}`} title={micState === 'live' ? m.tileMicLive : m.tileMicHeld} aria-label={micState === 'live' ? m.tileMicLive : m.tileMicHeld}>
                  {micState === 'live' ? '●' : '○'}
                </span>
              ) : null}
              <span className="mv-tile__name">{point.name}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Square-ish grids: 2 columns up to 4 points, 3 up to 9, 4 up to 16, then 5+. */
function columnsFor(count: number): number {
  return Math.max(2, Math.ceil(Math.sqrt(count)));
}
