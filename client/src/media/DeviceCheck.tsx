import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../ui/Icon';
import { LevelMeter } from './LevelMeter';
import { loadDevicePrefs, openLocalMedia, saveDevicePrefs, stopLocalMedia, type DevicePrefs, type LocalMedia } from './localMedia';
import { useMediaStrings } from './mediaStrings';
import { useAudioLevel } from './useAudioLevel';
import { VideoTrack } from './VideoTrack';

interface DeviceLists {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
}

/**
 * The check-in's self-test: choose the camera and the microphone, see the picture, watch the level move
 * while speaking. The choice is remembered on this device and a running media session switches to it at once.
 * `onChecked` is told once a sound was heard, and whether a picture came (the check-in may tick its boxes).
 * Its styles come with the media views (media.css, loaded by MediaSlot in the same console).
 */
export function DeviceCheck({ onChecked }: { onChecked?: (result: { camera: boolean; microphone: boolean }) => void }) {
  const m = useMediaStrings();
  const id = useId();
  const [prefs, setPrefs] = useState<DevicePrefs>(() => loadDevicePrefs());
  const [testing, setTesting] = useState(false);
  const [local, setLocal] = useState<LocalMedia | null>(null);
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], mics: [] });
  const [saved, setSaved] = useState(false);
  const level = useAudioLevel(local?.audio ?? null);
  const reported = useRef(false);

  useEffect(() => {
    if (!testing) return;
    let cancelled = false;
    let opened: LocalMedia | null = null;
    void openLocalMedia(prefs).then(async (media) => {
      if (cancelled) return stopLocalMedia(media);
      opened = media;
      setLocal(media);
      // Labels are only readable once the browser has been allowed to use the devices.
      setDevices(await listDevices());
    });
    return () => {
      cancelled = true;
      stopLocalMedia(opened);
      setLocal(null);
    };
  }, [testing, prefs]);

  // Told once per page: the check-in ticks its boxes, the level meter keeps moving without re-telling.
  useEffect(() => {
    if (!local || level <= 0.05 || reported.current) return;
    reported.current = true;
    onChecked?.({ camera: local.video !== null, microphone: true });
  }, [local, level, onChecked]);

  const choose = useCallback((change: DevicePrefs) => {
    const next = { ...prefs, ...change };
    setPrefs(next);
    saveDevicePrefs(next);
    setSaved(true);
  }, [prefs]);

  return (
    <fieldset className="form__group" data-testid="device-check">
      <legend className="field__label">{m.devices.title}</legend>
      {testing ? (
        <div className="mv-devices">
          <div className="mv-devices__preview">
            {local?.video ? <VideoTrack track={local.video} fit="cover" mirrored label={m.devices.preview} /> : <p className="mv-empty">{local ? m.devices.denied : '…'}</p>}
          </div>
          <div>
            <DeviceSelect id={`${id}-camera`} label={m.devices.camera} none={m.devices.none} devices={devices.cameras} value={prefs.cameraId} onChange={(cameraId) => choose({ cameraId })} />
            <DeviceSelect id={`${id}-mic`} label={m.devices.microphone} none={m.devices.none} devices={devices.mics} value={prefs.micId} onChange={(micId) => choose({ micId })} />
            <p className="field__label">{m.devices.level}</p>
            <LevelMeter level={level} label={m.devices.level} />
            <p className="hint">{m.devices.speakNow}</p>
            {saved ? <p className="ok-note">{m.devices.saved}</p> : null}
            <button type="button" className="btn btn--small" onClick={() => setTesting(false)}>{m.devices.stop}</button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setTesting(true)}><Icon name="camera" /> {m.devices.start}</button>
      )}
    </fieldset>
  );
}

function DeviceSelect(props: { id: string; label: string; none: string; devices: MediaDeviceInfo[]; value: string | undefined; onChange: (deviceId: string) => void }) {
  const { id, label, none, devices, value, onChange } = props;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={devices.length === 0}>
        {devices.length === 0 ? <option value="">{none}</option> : null}
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>{d.label || `${label} ${i + 1}`}</option>
        ))}
      </select>
    </div>
  );
}

async function listDevices(): Promise<DeviceLists> {
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return { cameras: all.filter((d) => d.kind === 'videoinput'), mics: all.filter((d) => d.kind === 'audioinput') };
}
