/** The viewer page's words: Vietnamese first, English when the browser asks for it (?lang=en). */
const VI = {
  title: 'Xem trực tiếp',
  codeLabel: 'Mã xem',
  codeHint: 'Nhập mã xem do ban tổ chức gửi',
  open: 'Xem',
  wrongCode: 'Mã xem không đúng hoặc đã bị thu hồi',
  noStream: 'Hội nghị này không phát trực tiếp (máy chủ chưa bật phát trực tiếp)',
  unmute: 'Bật âm thanh',
  mute: 'Tắt âm thanh',
  reconnecting: 'Đang kết nối lại…',
  waiting: 'Đang chờ tín hiệu…',
  speaking: 'Đang phát biểu',
  noSpeaker: 'Chủ trì điều hành',
  articles: 'Điều',
  notStarted: 'Hội nghị chưa bắt đầu',
  ended: 'Hội nghị đã kết thúc',
  error: 'Không kết nối được máy chủ',
};
export type ViewerWords = typeof VI;
const EN: ViewerWords = {
  title: 'Live', codeLabel: 'Viewing code', codeHint: 'Enter the viewing code the organisers sent', open: 'Watch',
  wrongCode: 'Wrong or revoked viewing code', noStream: 'This conference is not streamed (the hub has streaming off)',
  unmute: 'Turn sound on', mute: 'Turn sound off', reconnecting: 'Reconnecting…', waiting: 'Waiting for the picture…',
  speaking: 'Speaking', noSpeaker: 'The chair presides', articles: 'Article', notStarted: 'The conference has not started',
  ended: 'The conference has ended', error: 'Cannot reach the hub',
};

export function viewerWords(search: string): ViewerWords {
  return new URLSearchParams(search).get('lang') === 'en' ? EN : VI;
}
