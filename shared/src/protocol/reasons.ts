import type { ErrorCode } from './errors';

/** The values a refusal's text is built from (a point's name, a limit, article numbers). */
export type ReasonParams = Readonly<Record<string, string | number>>;

const s = (p: ReasonParams, key: string) => String(p[key] ?? '');

/** Roles and commands in words, so no refusal shows an internal name ("Vai trò point … floor.grant"). */
const ROLE_VI: Record<string, string> = { chair: 'chủ trì', point: 'điểm cầu', secretary: 'thư ký', display: 'màn hình', organiser: 'ban tổ chức', system: 'hệ thống' };
const COMMAND_VI: Record<string, string> = {
  'conference.start': 'khai mạc hội nghị', 'conference.end': 'bế mạc hội nghị', 'floor.grant': 'trao lời', 'floor.deny': 'từ chối đăng ký',
  'floor.revoke': 'thu hồi lời', 'floor.reorder': 'sắp xếp danh sách', 'floor.extend': 'gia hạn phát biểu', 'floor.pause': 'tạm dừng phát biểu',
  'floor.resume': 'tiếp tục phát biểu', 'queue.close': 'đóng danh sách', 'queue.open': 'mở danh sách', 'agenda.activate': 'chuyển nội dung',
  'budget.defineGroups': 'lập nhóm điểm cầu', 'budget.allocate': 'phân bổ thời gian phát biểu', 'budget.addTime': 'cộng thêm thời gian',
  'budget.clear': 'bỏ phân bổ thời gian', 'comment.log': 'ghi ý kiến phát biểu', 'comment.respond': 'trả lời ý kiến', 'comment.merge': 'gộp ý kiến', 'discussion.setMode': 'đổi chế độ thảo luận',
  'consultation.open': 'lấy ý kiến', 'consultation.close': 'kết thúc lấy ý kiến', 'consultation.showNames': 'hiện tên điểm cầu trong kết quả',
  'draft.confirmRevision': 'xác nhận dự thảo lần 2',
};

/** "5" → "Điều 5", "5.2" → "Điều 5 khoản 2". */
function unitWords(unit: string): string {
  const [article, clause] = unit.split('.');
  return clause === undefined ? `Điều ${article ?? ''}` : `Điều ${article ?? ''} khoản ${clause}`;
}

/**
 * Why the domain refuses a command: a code for programs, a reason the consoles translate (en, vi) and
 * Vietnamese text for logs and API users. Every refusal of `decide` is one of these (B8).
 */
export const REASONS = {
  WRONG_CONFERENCE: { code: 'NOT_FOUND', vi: () => 'Lệnh gửi cho hội nghị khác' },
  ROLE_NOT_ALLOWED: { code: 'FORBIDDEN', vi: (p) => `Vai trò ${ROLE_VI[s(p, 'role')] ?? 'này'} không được ${COMMAND_VI[s(p, 'command')] ?? 'thực hiện thao tác này'}` },
  AUDIT_CHAIR_ONLY: { code: 'FORBIDDEN', vi: () => 'Chỉ chủ trì và ban tổ chức xem được nhật ký thao tác' },
  CONFERENCE_NOT_STARTED: { code: 'CONFLICT', vi: () => 'Hội nghị chưa bắt đầu' },
  CONFERENCE_LIVE: { code: 'CONFLICT', vi: () => 'Hội nghị đang diễn ra' },
  CONFERENCE_ENDED: { code: 'CONFLICT', vi: () => 'Hội nghị đã kết thúc' },
  SETUP_ONLY_BEFORE_START: { code: 'CONFLICT', vi: () => 'Chỉ sửa được hội nghị chưa bắt đầu' },
  SETUP_WOULD_ORPHAN: { code: 'CONFLICT', vi: (p) => `Thiết lập mới bỏ mất: ${s(p, 'lost')}` },
  ARCHIVE_ONLY_ENDED: { code: 'CONFLICT', vi: () => 'Chỉ lưu trữ được hội nghị đã kết thúc' },
  ALREADY_ARCHIVED: { code: 'CONFLICT', vi: () => 'Hội nghị đã được lưu trữ' },
  MODE_UNCHANGED: { code: 'CONFLICT', vi: () => 'Chế độ thảo luận không đổi' },
  NOTHING_TO_CHANGE: { code: 'INVALID', vi: () => 'Không có thay đổi' },
  AGENDA_ITEM_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không có nội dung này trong chương trình' },
  AGENDA_ITEM_ACTIVE: { code: 'CONFLICT', vi: () => 'Nội dung này đang diễn ra' },
  CHECK_IN_OWN_POINT: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ điểm danh cho chính mình' },
  POINT_UNKNOWN: { code: 'NOT_FOUND', vi: (p) => `Không có điểm cầu ${s(p, 'point')}` },
  DELEGATES_NOT_OF_POINT: { code: 'NOT_FOUND', vi: (p) => `Đại biểu không thuộc điểm cầu: ${s(p, 'delegates')}` },
  REQUEST_OWN_POINT: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ đăng ký phát biểu cho chính mình' },
  REQUEST_EXISTS: { code: 'CONFLICT', vi: () => 'Yêu cầu đã tồn tại' },
  QUEUE_CLOSED: { code: 'CONFLICT', vi: () => 'Danh sách đăng ký phát biểu đã đóng' },
  DELEGATE_NOT_OF_POINT: { code: 'NOT_FOUND', vi: (p) => `Đại biểu ${s(p, 'delegate')} không thuộc điểm cầu ${s(p, 'point')}` },
  ARTICLES_UNKNOWN: { code: 'INVALID', vi: (p) => `Dự thảo không có Điều ${s(p, 'articles')}` },
  TOO_MANY_OPEN_REQUESTS: { code: 'CONFLICT', vi: (p) => `Mỗi điểm cầu chỉ được ${s(p, 'limit')} đăng ký đang chờ` },
  REQUEST_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không tìm thấy đăng ký phát biểu' },
  REQUEST_NOT_PENDING: { code: 'CONFLICT', vi: () => 'Đăng ký không ở trạng thái chờ duyệt' },
  WITHDRAW_OWN_REQUEST: { code: 'FORBIDDEN', vi: () => 'Chỉ điểm cầu đã đăng ký mới rút được đăng ký' },
  REQUEST_NOT_WITHDRAWABLE: { code: 'CONFLICT', vi: () => 'Đăng ký này không còn rút được' },
  REQUEST_NOT_DENIABLE: { code: 'CONFLICT', vi: () => 'Đăng ký này không còn từ chối được' },
  REQUEST_NOT_QUEUED: { code: 'NOT_FOUND', vi: () => 'Đăng ký không có trong hàng chờ' },
  ORDER_UNCHANGED: { code: 'CONFLICT', vi: () => 'Thứ tự không thay đổi' },
  QUEUE_ALREADY_OPEN: { code: 'CONFLICT', vi: () => 'Danh sách đã mở' },
  QUEUE_ALREADY_CLOSED: { code: 'CONFLICT', vi: () => 'Danh sách đã đóng' },
  CHAIR_POINT_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không xác định được điểm cầu chủ trì' },
  GRANT_NEEDS_REQUEST: { code: 'INVALID', vi: () => 'Cần chọn một đăng ký để trao lời (hoặc chủ trì tự phát biểu)' },
  REQUEST_NOT_GRANTABLE: { code: 'CONFLICT', vi: () => 'Đăng ký này không còn được trao lời' },
  SPEECH_NOT_CURRENT: { code: 'CONFLICT', vi: () => 'Phát biểu này không còn diễn ra' },
  RELEASE_OWN_SPEECH: { code: 'FORBIDDEN', vi: () => 'Chỉ điểm cầu đang phát biểu mới kết thúc được' },
  SPEECH_PAUSED: { code: 'CONFLICT', vi: () => 'Phát biểu đang tạm dừng' },
  SPEECH_NOT_PAUSED: { code: 'CONFLICT', vi: () => 'Phát biểu không tạm dừng' },
  DEADLINE_MOVED: { code: 'CONFLICT', vi: () => 'Thời hạn phát biểu đã thay đổi' },
  DEADLINE_NOT_REACHED: { code: 'CONFLICT', vi: () => 'Chưa hết thời gian phát biểu' },
  ALREADY_WARNED: { code: 'CONFLICT', vi: () => 'Đã cảnh báo hết giờ' },
  COMMENT_EXISTS: { code: 'CONFLICT', vi: () => 'Ý kiến đã tồn tại' },
  COMMENT_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không tìm thấy ý kiến' },
  SPEECH_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không tìm thấy lượt phát biểu' },
  POINT_WRITES_ONLY: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ gửi được góp ý bằng văn bản' },
  POINT_WRITES_OWN: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ gửi góp ý của chính mình' },
  POINT_EDITS_OWN_WRITTEN: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ sửa góp ý bằng văn bản của chính mình' },
  COMMENT_RETRACTED: { code: 'CONFLICT', vi: () => 'Ý kiến đã bị rút' },
  COMMENT_MERGED_ANSWER_KEPT: { code: 'CONFLICT', vi: () => 'Ý kiến đã được gộp; hãy trả lời ý kiến được giữ lại' },
  EXPLANATION_NEEDED: { code: 'INVALID', vi: () => 'Cần nội dung giải trình' },
  MERGE_INTO_ITSELF: { code: 'CONFLICT', vi: () => 'Không thể gộp một ý kiến với chính nó' },
  COMMENT_ALREADY_MERGED: { code: 'CONFLICT', vi: () => 'Ý kiến đã được gộp trước đó' },
  COMMENT_KEEPS_OTHERS: { code: 'CONFLICT', vi: () => 'Ý kiến này đã giữ các ý kiến khác; hãy gộp vào nó' },
  MERGE_ACROSS_POINTS: { code: 'CONFLICT', vi: () => 'Hai ý kiến của hai điểm cầu khác nhau' },
  COMMENT_ANSWERED: { code: 'CONFLICT', vi: () => 'Ý kiến đã được trả lời' },
  BUDGET_GROUP_REPEATED: { code: 'INVALID', vi: (p) => `Nhóm ${s(p, 'group')} bị trùng` },
  BUDGET_POINT_IN_TWO_GROUPS: { code: 'INVALID', vi: (p) => `Điểm cầu ${s(p, 'point')} chỉ thuộc một nhóm` },
  BUDGET_GROUP_IN_USE: { code: 'CONFLICT', vi: (p) => `Nhóm đang được phân bổ thời gian ở nội dung ${s(p, 'item')}` },
  BUDGET_GROUP_UNKNOWN: { code: 'NOT_FOUND', vi: (p) => `Không có nhóm điểm cầu ${s(p, 'group')}` },
  BUDGET_NO_TAKERS: { code: 'INVALID', vi: () => 'Chưa có điểm cầu hay nhóm nào để phân bổ thời gian' },
  BUDGET_SHARE_REPEATED: { code: 'INVALID', vi: (p) => `${s(p, 'share')} được kê hai lần` },
  BUDGET_TOTAL_NEEDED: { code: 'INVALID', vi: () => 'Cần tổng thời gian để chia' },
  BUDGET_SHARES_NEEDED: { code: 'INVALID', vi: () => 'Cần thời gian của từng điểm cầu hoặc nhóm' },
  BUDGET_WEIGHTS_ZERO: { code: 'INVALID', vi: () => 'Các hệ số chia đều bằng 0' },
  BUDGET_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Nội dung này chưa được phân bổ thời gian phát biểu' },
  BUDGET_PER_GROUP: { code: 'CONFLICT', vi: () => 'Thời gian của nội dung này chia theo nhóm: hãy cộng cho nhóm' },
  BUDGET_SHARE_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Điểm cầu hoặc nhóm này không có trong phân bổ thời gian' },
  CONSULTATION_NO_ALTERNATIVES: { code: 'CONFLICT', vi: (p) => `Điều ${s(p, 'article')} không có từ hai phương án trở lên để lấy ý kiến` },
  CONSULTATION_ALREADY_OPEN: { code: 'CONFLICT', vi: (p) => `Đang lấy ý kiến về Điều ${s(p, 'article')}: hãy kết thúc trước` },
  CONSULTATION_UNKNOWN: { code: 'NOT_FOUND', vi: () => 'Không có đợt lấy ý kiến này' },
  CONSULTATION_CLOSED: { code: 'CONFLICT', vi: () => 'Đợt lấy ý kiến đã kết thúc' },
  CONSULTATION_NOT_ASKED: { code: 'FORBIDDEN', vi: (p) => `${s(p, 'point')} không thuộc các điểm cầu được lấy ý kiến` },
  CONSULTATION_OPTION_UNKNOWN: { code: 'NOT_FOUND', vi: (p) => `Không có lựa chọn ${s(p, 'option')}` },
  CONSULTATION_OWN_POINT: { code: 'FORBIDDEN', vi: () => 'Điểm cầu chỉ trả lời cho chính mình' },
  CONSULTATION_NOT_EXPIRED: { code: 'CONFLICT', vi: () => 'Chưa hết thời hạn lấy ý kiến' },
  // The revised draft (DA12, DA13): `unit` is "5" (Điều 5) or "5.2" (Điều 5 khoản 2), `draft` 1 or 2.
  REVISION_BEFORE_START: { code: 'CONFLICT', vi: () => 'Hội nghị chưa bắt đầu: hãy thay dự thảo trong phần thiết lập' },
  REVISION_UNIT_UNKNOWN: { code: 'INVALID', vi: (p) => `Dự thảo lần ${s(p, 'draft')} không có ${unitWords(s(p, 'unit'))}` },
  REVISION_UNIT_TWICE: { code: 'INVALID', vi: (p) => `${unitWords(s(p, 'unit'))} (dự thảo lần ${s(p, 'draft')}) có mặt ở hai nhóm đối chiếu` },
  REVISION_UNIT_UNMAPPED: { code: 'INVALID', vi: (p) => `Chưa đối chiếu ${unitWords(s(p, 'unit'))} (dự thảo lần ${s(p, 'draft')})` },
  REVISION_KIND_MISMATCH: { code: 'INVALID', vi: (p) => `Loại thay đổi của ${unitWords(s(p, 'unit'))} (dự thảo lần ${s(p, 'draft')}) không khớp với đối chiếu` },
  // Quotas (Q1–Q19): what one user may cost the hub. `seconds` is how long to wait.
  COMMANDS_TOO_FAST: { code: 'RATE_LIMITED', vi: (p) => `Thao tác quá nhanh, vui lòng chờ ${s(p, 'seconds')} giây` },
  SYNCS_TOO_FAST: { code: 'RATE_LIMITED', vi: (p) => `Tải lại dữ liệu quá nhiều lần, vui lòng chờ ${s(p, 'seconds')} giây` },
  CONSOLE_OUTDATED: { code: 'INVALID', vi: () => 'Đã có phiên bản mới của bảng điều khiển: đang tải lại trang' },
  HUB_OUTDATED: { code: 'UNAVAILABLE', vi: () => 'Máy chủ đang được nâng cấp: đang kết nối lại' },
  TOO_MANY_SOCKETS: { code: 'RATE_LIMITED', vi: (p) => `Phiên này đã mở ở ${s(p, 'limit')} cửa sổ; hãy đóng bớt cửa sổ khác` },
  CODE_SOCKETS_FULL: { code: 'RATE_LIMITED', vi: (p) => `Mã tham gia này đã được mở trên ${s(p, 'limit')} cửa sổ; hãy đóng bớt hoặc xin ban tổ chức mã khác` },
  WRITTEN_COMMENTS_QUOTA: { code: 'FORBIDDEN', vi: (p) => `Mỗi điểm cầu gửi tối đa ${s(p, 'limit')} góp ý bằng văn bản trong hội nghị` },
  WRITTEN_CHARS_QUOTA: { code: 'FORBIDDEN', vi: (p) => `Các góp ý bằng văn bản của điểm cầu vượt quá ${s(p, 'limit')} ký tự` },
  MEDIA_TRANSPORTS_QUOTA: { code: 'RATE_LIMITED', vi: (p) => `Đã mở tối đa ${s(p, 'limit')} kết nối truyền hình` },
  MEDIA_CONSUMERS_QUOTA: { code: 'RATE_LIMITED', vi: (p) => `Đã nhận tối đa ${s(p, 'limit')} luồng truyền hình` },
} as const satisfies Record<string, { code: ErrorCode; vi: (p: ReasonParams) => string }>;

export type Reason = keyof typeof REASONS;
export const REASON_KEYS = Object.keys(REASONS) as Reason[];
