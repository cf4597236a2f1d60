import type { MediaFloor } from '@diem-cau/shared';
import { producerOf, selfStateOf, type SelfState } from './consumePlan';
import { LevelMeter } from './LevelMeter';
import type { MediaSession, MediaSnapshot } from './mediaSession';
import { useMediaStrings, type MediaStrings } from './mediaStrings';
import { useAudioLevel } from './useAudioLevel';

const ICON: Record<SelfState, string> = { speaking: '●', live: '●', held: '⏸', muted: '✕', offline: '○' };

function label(state: SelfState, floor: MediaFloor, m: MediaStrings): string {
  switch (state) {
    case 'speaking':
      return m.speaking;
    case 'live':
      return m.live;
    case 'held':
      return floor.mode === 'chair-only' ? m.heldChairOnly : m.held;
    case 'muted':
      return m.micMuted;
    case 'offline':
      return m.noDevice;
  }
}

/**
 * What a point (or the chair's point) needs to know about itself: whether it is heard — held by the floor
 * ("Chờ được trao lời"), on the floor ("Đang phát biểu"), muted by itself — and its camera; with its own
 * mute / camera / speaker buttons and a level meter that shows the microphone works.
 */
export function SelfBar({ media, snap, floor }: { media: MediaSession; snap: MediaSnapshot; floor: MediaFloor }) {
  const m = useMediaStrings();
  const mic = producerOf(snap.producers, snap.pointId, 'mic');
  const state = snap.status === 'live' && !mic && !snap.localAudio ? 'offline' : selfStateOf({ floor, selfPointId: snap.pointId, mic, micMuted: snap.micMuted });
  const level = useAudioLevel(state === 'muted' ? null : snap.localAudio);
  return (
    <div className="mv-self" data-testid="media-self" data-self-state={state} data-camera={snap.cameraOff ? 'off' : 'on'}>
      <span className={`mv-self__state mv-self__state--${state}`} role="status">
        <span aria-hidden="true">{ICON[state]} </span>
        {label(state, floor, m)}
        {snap.cameraOff ? <span className="mv-self__camera"> · {m.cameraOff}</span> : null}
      </span>
      <LevelMeter level={state === 'muted' ? 0 : level} label={m.devices.level} />
      <span className="mv-self__buttons">
        <button type="button" className="btn btn--small" aria-pressed={snap.micMuted} onClick={() => void media.setMicMuted(!snap.micMuted)}>
          {snap.micMuted ? m.unmuteMic : m.muteMic}
        </button>
        <button type="button" className="btn btn--small" aria-pressed={snap.cameraOff} onClick={() => void media.setCameraOff(!snap.cameraOff)}>
          {snap.cameraOff ? m.cameraStart : m.cameraStop}
        </button>
        <SpeakerButton media={media} snap={snap} />
      </span>
    </div>
  );
}

export function SpeakerButton({ media, snap }: { media: MediaSession; snap: MediaSnapshot }) {
  const m = useMediaStrings();
  return (
    <button type="button" className="btn btn--small btn--ghost mv-speaker" aria-pressed={!snap.speakerOn} onClick={() => media.setSpeakerOn(!snap.speakerOn)}>
      {snap.speakerOn ? m.speakerOff : m.speakerOn}
    </button>
  );
}
