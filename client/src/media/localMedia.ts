/** The chosen camera and microphone, remembered on this device (a point uses the same room PC all day). */
export interface DevicePrefs {
  cameraId?: string;
  micId?: string;
}

/** The point's own camera and microphone, and the small copy of the camera for the chair's grid. */
export interface LocalMedia {
  video: MediaStreamTrack | null;
  thumb: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
  /** Set when a device could not be opened (denied, missing, busy); media goes on with what opened. */
  error: string | null;
}

const PREFS_KEY = 'diemcau.media.devices';
/** The main camera: up to 720p, which every consumer of the stage gets (no simulcast). */
export const MAIN_VIDEO: MediaTrackConstraints = { width: { ideal: 1280, max: 1280 }, height: { ideal: 720, max: 720 }, frameRate: { ideal: 25, max: 30 } };
/** The grid copy: a separate track, small and slow, so sixty tiles cost the chair little. */
export const THUMB_VIDEO: MediaTrackConstraints = { width: { ideal: 320, max: 320 }, height: { ideal: 180, max: 240 }, frameRate: { ideal: 8, max: 10 } };
export const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

const listeners = new Set<(prefs: DevicePrefs) => void>();

export function loadDevicePrefs(): DevicePrefs {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const prefs: DevicePrefs = {};
    if ('cameraId' in raw && typeof raw.cameraId === 'string') prefs.cameraId = raw.cameraId;
    if ('micId' in raw && typeof raw.micId === 'string') prefs.micId = raw.micId;
    return prefs;
  } catch {
    return {};
  }
}

/** Saves the choice and tells a live media session to switch its tracks. */
export function saveDevicePrefs(prefs: DevicePrefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const listener of listeners) listener(prefs);
}

export function onDevicePrefs(listener: (prefs: DevicePrefs) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function videoConstraints(prefs: DevicePrefs): MediaTrackConstraints {
  return prefs.cameraId ? { ...MAIN_VIDEO, deviceId: { exact: prefs.cameraId } } : MAIN_VIDEO;
}

export function audioConstraints(prefs: DevicePrefs): MediaTrackConstraints {
  return prefs.micId ? { ...AUDIO, deviceId: { exact: prefs.micId } } : AUDIO;
}

/**
 * Opens camera and microphone together (one permission prompt); if that fails, each on its own, so a point
 * with a broken camera is still heard. A remembered device that vanished falls back to the default one.
 */
export async function openLocalMedia(prefs: DevicePrefs): Promise<LocalMedia> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) return { video: null, thumb: null, audio: null, error: 'getUserMedia unavailable' };
  const open = async (constraints: MediaStreamConstraints) => {
    try {
      return await media.getUserMedia(constraints);
    } catch (error) {
      if (error instanceof Error && error.name === 'OverconstrainedError') return media.getUserMedia(stripDeviceIds(constraints));
      throw error;
    }
  };
  let error: string | null = null;
  let video: MediaStreamTrack | null = null;
  let audio: MediaStreamTrack | null = null;
  try {
    const stream = await open({ video: videoConstraints(prefs), audio: audioConstraints(prefs) });
    video = stream.getVideoTracks()[0] ?? null;
    audio = stream.getAudioTracks()[0] ?? null;
  } catch (first) {
    error = describe(first);
    audio = await open({ audio: audioConstraints(prefs) }).then((s) => s.getAudioTracks()[0] ?? null, () => null);
    video = await open({ video: videoConstraints(prefs) }).then((s) => s.getVideoTracks()[0] ?? null, () => null);
  }
  return { video, thumb: video ? await thumbnailOf(video) : null, audio, error: video && audio ? null : error ?? 'device missing' };
}

/** A clone of the camera scaled down by the browser; if the constraints are refused the encoder scales instead. */
export async function thumbnailOf(video: MediaStreamTrack): Promise<MediaStreamTrack> {
  const thumb = video.clone();
  await thumb.applyConstraints(THUMB_VIDEO).catch(() => undefined);
  return thumb;
}

export function stopLocalMedia(local: LocalMedia | null): void {
  for (const track of [local?.video, local?.thumb, local?.audio]) track?.stop();
}

function stripDeviceIds(constraints: MediaStreamConstraints): MediaStreamConstraints {
  const strip = (c: boolean | MediaTrackConstraints | undefined) => {
    if (typeof c !== 'object') return c;
    const { deviceId: _deviceId, ...rest } = c;
    return rest;
  };
  return { video: strip(constraints.video), audio: strip(constraints.audio) };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
