import { act, fireEvent, render, screen } from '@testing-library/react';
import { DeviceCheck } from './DeviceCheck';
import { loadDevicePrefs, onDevicePrefs } from './localMedia';

/** Enough of a MediaStreamTrack for the views: an id, a kind, stop/clone and constraints. */
function fakeTrack(kind: 'audio' | 'video', label: string) {
  return { id: `${kind}-${label}`, kind, label, enabled: true, stop: jest.fn(), clone() { return fakeTrack(kind, `${label}-copy`); }, applyConstraints: async () => undefined };
}

const DEVICES = [
  { deviceId: 'cam-1', kind: 'videoinput', label: 'Camera phòng họp', groupId: 'g1' },
  { deviceId: 'cam-2', kind: 'videoinput', label: 'Camera tài liệu', groupId: 'g2' },
  { deviceId: 'mic-1', kind: 'audioinput', label: 'Micrô bàn chủ tọa', groupId: 'g1' },
];

describe('DeviceCheck (the check-in’s camera and microphone test)', () => {
  let getUserMedia: jest.Mock;

  beforeEach(() => {
    localStorage.clear();
    getUserMedia = jest.fn(async (constraints: MediaStreamConstraints) => ({
      getVideoTracks: () => (constraints.video ? [fakeTrack('video', JSON.stringify(constraints.video))] : []),
      getAudioTracks: () => (constraints.audio ? [fakeTrack('audio', 'mic')] : []),
    }));
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia, enumerateDevices: async () => DEVICES } });
    Object.defineProperty(globalThis, 'MediaStream', { configurable: true, value: class { constructor(readonly tracks: unknown[]) {} } });
  });

  test('opens the devices on request, lists them by name, and remembers the chosen camera for the live session', async () => {
    const heard: string[] = [];
    const stop = onDevicePrefs((prefs) => heard.push(prefs.cameraId ?? ''));
    render(<DeviceCheck />);
    expect(getUserMedia).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Kiểm tra thiết bị/ })));
    const camera = await screen.findByLabelText('Camera');
    expect([...(camera as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Camera phòng họp', 'Camera tài liệu']);
    expect(screen.getByRole('meter', { name: 'Mức âm thanh' })).toBeTruthy();
    await act(async () => fireEvent.change(camera, { target: { value: 'cam-2' } }));
    expect(loadDevicePrefs()).toEqual({ cameraId: 'cam-2' });
    expect(heard).toEqual(['cam-2']);
    expect(screen.getByText('Đã lưu lựa chọn thiết bị cho máy này.')).toBeTruthy();
    // The preview reopens with the chosen camera.
    expect(getUserMedia).toHaveBeenLastCalledWith(expect.objectContaining({ video: expect.objectContaining({ deviceId: { exact: 'cam-2' } }) }));
    stop();
  });

  test('a refused camera still leaves the microphone test running, with a message', async () => {
    getUserMedia.mockImplementation(async (constraints: MediaStreamConstraints) => {
      if (constraints.video) throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
      return { getVideoTracks: () => [], getAudioTracks: () => [fakeTrack('audio', 'mic')] };
    });
    render(<DeviceCheck />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Kiểm tra thiết bị/ })));
    expect(await screen.findByText(/Trình duyệt chưa được phép dùng camera/)).toBeTruthy();
    expect(screen.getByLabelText('Micrô')).toBeTruthy();
  });
});
