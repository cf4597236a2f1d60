import { useLocale, type Locale } from '../i18n/i18n';

/**
 * The media views' words, Vietnamese first. Kept beside the media code rather than in the shared
 * catalogues (another engineer owns those); same shape rule: `vi` is the reference, `en` must match it.
 */
const vi = {
  slot: 'Khu vực hình ảnh',
  connecting: 'Đang kết nối hình ảnh…',
  unavailable: 'Máy chủ chưa bật truyền hình',
  failed: 'Không kết nối được hình ảnh. Đang thử lại…',
  noVideo: 'Chưa có hình',
  waitingStage: 'Chờ hình ảnh của điểm cầu đang phát biểu',
  chairStage: 'Điểm cầu chủ trì',
  speaking: 'Đang phát biểu',
  live: 'Micrô đang mở',
  held: 'Chờ được trao lời',
  heldChairOnly: 'Chỉ chủ trì phát biểu',
  micMuted: 'Đã tắt micrô',
  cameraOff: 'Camera đang tắt',
  noDevice: 'Không mở được camera hoặc micrô',
  you: 'Điểm cầu của bạn',
  muteMic: 'Tắt micrô',
  unmuteMic: 'Bật micrô',
  cameraStop: 'Tắt camera',
  cameraStart: 'Bật camera',
  speakerOff: 'Tắt loa',
  speakerOn: 'Bật loa',
  enableSound: 'Bấm để bật âm thanh',
  grid: 'Hình ảnh các điểm cầu',
  tileMicLive: 'micrô mở',
  tileMicHeld: 'micrô chờ',
  offline: 'Chưa kết nối',
  devices: {
    title: 'Thiết bị hình ảnh và âm thanh',
    camera: 'Camera',
    microphone: 'Micrô',
    preview: 'Hình xem trước',
    level: 'Mức âm thanh',
    speakNow: 'Hãy nói thử: thanh mức âm thanh phải dao động.',
    start: 'Kiểm tra thiết bị',
    stop: 'Dừng kiểm tra',
    denied: 'Trình duyệt chưa được phép dùng camera / micrô. Hãy cho phép rồi thử lại.',
    none: 'Không tìm thấy thiết bị',
    saved: 'Đã lưu lựa chọn thiết bị cho máy này.',
  },
};

export type MediaStrings = typeof vi;

const en: MediaStrings = {
  slot: 'Video area',
  connecting: 'Connecting video…',
  unavailable: 'Video is not enabled on the server',
  failed: 'Video connection failed. Retrying…',
  noVideo: 'No video yet',
  waitingStage: 'Waiting for the speaking point’s video',
  chairStage: 'Chairing point',
  speaking: 'Speaking',
  live: 'Microphone open',
  held: 'Waiting for the floor',
  heldChairOnly: 'Only the chair speaks',
  micMuted: 'Microphone off',
  cameraOff: 'Camera off',
  noDevice: 'Could not open the camera or microphone',
  you: 'Your point',
  muteMic: 'Mute microphone',
  unmuteMic: 'Unmute microphone',
  cameraStop: 'Turn camera off',
  cameraStart: 'Turn camera on',
  speakerOff: 'Mute speaker',
  speakerOn: 'Unmute speaker',
  enableSound: 'Click to enable sound',
  grid: 'Video of the points',
  tileMicLive: 'mic open',
  tileMicHeld: 'mic waiting',
  offline: 'Not connected',
  devices: {
    title: 'Camera and microphone',
    camera: 'Camera',
    microphone: 'Microphone',
    preview: 'Preview',
    level: 'Sound level',
    speakNow: 'Say something: the level bar should move.',
    start: 'Test devices',
    stop: 'Stop test',
    denied: 'The browser may not use the camera / microphone yet. Allow it and try again.',
    none: 'No device found',
    saved: 'Device choice saved on this computer.',
  },
};

const CATALOGUES: Record<Locale, MediaStrings> = { vi, en };

export function mediaStringsFor(locale: Locale): MediaStrings {
  return CATALOGUES[locale];
}

export function useMediaStrings(): MediaStrings {
  return CATALOGUES[useLocale().locale];
}
