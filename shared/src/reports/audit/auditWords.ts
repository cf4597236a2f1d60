import type { EventType } from '../../protocol/events';
import { GENERAL_COMMENTS_LABEL, KIND_LABELS, RESPONSE_LABELS } from '../reportLabels';
import type { AuditArea, AuditParams } from './auditRow';

/** The audit trail's Vietnamese words: the CSV's, the Vietnamese console's, and the API's. */
export const AUDIT_AREA_LABELS: Record<AuditArea, string> = {
  conference: 'Hội nghị', agenda: 'Chương trình', points: 'Điểm danh', floor: 'Phát biểu', comments: 'Ý kiến',
};

export const AUDIT_ROLE_LABELS: Record<string, string> = {
  chair: 'Chủ trì', secretary: 'Thư ký', point: 'Điểm cầu', display: 'Màn hình', organiser: 'Ban tổ chức', system: 'Hệ thống',
};

const s = (p: AuditParams, key: string): string => String(p[key] ?? '');
const num = (p: AuditParams, key: string): number => Number(p[key] ?? 0);
const yes = (p: AuditParams, key: string): boolean => p[key] === 1;
const quoted = (text: string) => `“${text}”`;
/** "Tỉnh ủy Thái Nguyên (Dương Xuân Hùng)" */
const whose = (p: AuditParams) => (p.delegate ? `${s(p, 'point')} (${s(p, 'delegate')})` : s(p, 'point'));
/** " của Tỉnh ủy Thái Nguyên (…)", or nothing for a comment that belongs to no point. */
const ofWhom = (p: AuditParams) => (p.point ? ` của ${whose(p)}` : '');
const refs = (p: AuditParams, key = 'articles') => s(p, key) || GENERAL_COMMENTS_LABEL;
const kindOf = (p: AuditParams) => (KIND_LABELS[s(p, 'kind') as keyof typeof KIND_LABELS] ?? s(p, 'kind')).toLocaleLowerCase('vi');
const why = (p: AuditParams) => (p.reason ? `, lý do: ${quoted(s(p, 'reason'))}` : '');

/** "5 phút", "1 phút 30 giây", "45 giây" */
export function spanVi(seconds: number): string {
  const m = Math.floor(Math.abs(seconds) / 60);
  const rest = Math.abs(seconds) % 60;
  if (m === 0) return `${rest} giây`;
  return rest === 0 ? `${m} phút` : `${m} phút ${rest} giây`;
}

const MODES: Record<string, string> = { request: 'đăng ký phát biểu', open: 'thảo luận tự do', 'chair-only': 'chỉ chủ trì' };
const PRIORITIES: Record<string, string> = { order: ', ý kiến về thủ tục', reply: ', tranh luận' };
const CHANGES: Record<string, string> = { text: 'nội dung', kind: 'loại ý kiến', articles: 'điều khoản' };

/** Settings in the order the organiser's form shows them. */
const SETTINGS: Array<[string, (v: string | number) => string]> = [
  ['defaultSpeechS', (v) => `thời lượng phát biểu ${spanVi(Number(v))}`],
  ['maxOpenRequestsPerPoint', (v) => `mỗi điểm cầu tối đa ${v} đăng ký`],
  ['autoEndSpeech', (v) => (v === 1 ? 'tự kết thúc khi hết giờ' : 'không tự kết thúc khi hết giờ')],
  ['moderatedRequests', (v) => (v === 1 ? 'chủ trì duyệt từng đăng ký' : 'đăng ký vào thẳng danh sách')],
  ['warningBeforeS', (v) => `báo trước ${spanVi(Number(v))}`],
  ['discussionMode', (v) => `chế độ ${MODES[String(v)] ?? String(v)}`],
];
export const SETTING_KEYS = SETTINGS.map(([key]) => key);

const settingsVi = (p: AuditParams) => SETTINGS.filter(([key]) => p[key] !== undefined).map(([key, say]) => say(p[key] as string | number)).join('; ');

const released = (p: AuditParams) => `${whose(p)} kết thúc phát biểu`;
const ENDINGS: Record<string, (p: AuditParams) => string> = {
  released,
  timeout: (p) => `Hết giờ: tự kết thúc phát biểu của ${whose(p)}`,
  next: (p) => `Kết thúc phát biểu của ${whose(p)} để chuyển lượt`,
  ended: (p) => `Kết thúc phát biểu của ${whose(p)} khi bế mạc`,
};

function requestedVi(p: AuditParams): string {
  const who = yes(p, 'onBehalf') ? `Chủ trì đăng ký hộ ${s(p, 'point')}` : `${s(p, 'point')} đăng ký phát biểu`;
  const articles = p.articles ? `, ${s(p, 'articles')}` : '';
  const topic = p.topic ? ` — ${quoted(s(p, 'topic'))}` : '';
  return `${who}: ${s(p, 'delegate')}${articles}${PRIORITIES[s(p, 'priority')] ?? ''}${topic}`;
}

const SPLITS: Record<string, string> = { equal: 'chia đều', proportional: 'chia theo hệ số', manual: 'phân bổ cụ thể' };
function allocatedVi(p: AuditParams): string {
  const over = `${num(p, 'takers')} ${s(p, 'unit') === 'group' ? 'nhóm' : 'điểm cầu'}`;
  return `Phân bổ ${spanVi(num(p, 'totalS'))} phát biểu cho nội dung ${quoted(s(p, 'item'))}: ${SPLITS[s(p, 'split')] ?? s(p, 'split')} cho ${over}${yes(p, 'carryOver') ? ', cộng dồn thời gian còn lại' : ''}`;
}
function timeAddedVi(p: AuditParams): string {
  const to = s(p, 'target') === 'all' ? `mỗi điểm cầu/nhóm (${num(p, 'takers')})` : s(p, 'who');
  return `Cộng ${spanVi(num(p, 'seconds'))} cho ${to}, nội dung ${quoted(s(p, 'item'))}`;
}

const aboutVi = (p: AuditParams) => `Điều ${num(p, 'article')}${num(p, 'clause') > 0 ? ` khoản ${num(p, 'clause')}` : ''}`;
function openedVi(p: AuditParams): string {
  const what = s(p, 'kind') === 'alternatives' ? `${num(p, 'options')} phương án của ` : '';
  const limit = num(p, 'limitS') > 0 ? `, thời hạn ${spanVi(num(p, 'limitS'))}` : '';
  return `Lấy ý kiến về ${what}${aboutVi(p)}${limit}`;
}

/** One sentence per event type; the params are those auditTrail puts in the row. */
export const AUDIT_TEXT_VI: Record<EventType, (p: AuditParams) => string> = {
  'conference.created': (p) => `Tạo hội nghị ${quoted(s(p, 'title'))}`,
  'conference.configured': (p) => `Cập nhật thiết lập hội nghị ${quoted(s(p, 'title'))}`,
  'conference.started': () => 'Khai mạc hội nghị',
  'conference.ended': () => 'Bế mạc hội nghị',
  'conference.archived': () => 'Lưu trữ hội nghị',
  'settings.updated': (p) => `Đổi cài đặt: ${settingsVi(p)}`,
  'discussion.modeSet': (p) => `Chế độ thảo luận: ${MODES[s(p, 'mode')] ?? s(p, 'mode')}`,
  'agenda.activated': (p) => `Chuyển sang nội dung ${quoted(s(p, 'item'))}`,
  'point.readied': (p) => (yes(p, 'ready') ? `${s(p, 'point')} điểm danh: sẵn sàng, ${num(p, 'present')} đại biểu có mặt` : `${s(p, 'point')} chưa sẵn sàng`),
  'floor.requested': requestedVi,
  'floor.accepted': (p) => `Đăng ký của ${whose(p)} vào danh sách chờ, vị trí ${num(p, 'position')}`,
  'floor.withdrawn': (p) => `${whose(p)} rút đăng ký phát biểu`,
  'floor.reordered': (p) => `Chuyển đăng ký của ${whose(p)} tới vị trí ${num(p, 'position')}`,
  'floor.denied': (p) => `Từ chối đăng ký của ${whose(p)}${why(p)}`,
  'floor.granted': (p) => `Trao lời cho ${whose(p)}, thời lượng ${spanVi(num(p, 'limitS'))}`,
  'floor.released': (p) => (ENDINGS[s(p, 'reason')] ?? released)(p),
  'floor.revoked': (p) => `Thu hồi lời của ${whose(p)}${why(p)}`,
  'floor.extended': (p) => `Gia hạn phát biểu của ${whose(p)} thêm ${spanVi(num(p, 'seconds'))}`,
  'floor.paused': (p) => `Tạm dừng phát biểu của ${whose(p)}`,
  'floor.resumed': (p) => `Tiếp tục phát biểu của ${whose(p)}`,
  'floor.timeWarned': (p) => `Phát biểu của ${whose(p)} đã hết thời gian`,
  'queue.closed': () => 'Đóng danh sách đăng ký phát biểu',
  'queue.opened': () => 'Mở danh sách đăng ký phát biểu',
  'comment.logged': (p) => `${s(p, 'source') === 'written' ? 'Góp ý bằng văn bản' : 'Ghi ý kiến'} (${kindOf(p)})${ofWhom(p)} về ${refs(p)}: ${quoted(s(p, 'text'))}`,
  'comment.edited': (p) => `Sửa ${s(p, 'changed').split(',').map((c) => CHANGES[c] ?? c).join(', ')} ý kiến${ofWhom(p)} về ${refs(p)}: ${quoted(s(p, 'text'))}`,
  'comment.retracted': (p) => `Rút ý kiến${ofWhom(p)} về ${refs(p)}: ${quoted(s(p, 'text'))}`,
  'comment.responded': (p) => `Trả lời ý kiến${ofWhom(p)} về ${refs(p)}: ${RESPONSE_LABELS[s(p, 'status') as keyof typeof RESPONSE_LABELS] ?? s(p, 'status')}${p.explanation ? `, ${quoted(s(p, 'explanation'))}` : ''}`,
  'budget.groupsDefined': (p) => `Lập ${num(p, 'groups')} nhóm điểm cầu${p.names ? `: ${s(p, 'names')}` : ''}`,
  'budget.allocated': allocatedVi,
  'budget.timeAdded': timeAddedVi,
  'consultation.opened': openedVi,
  'draft.revisionConfirmed': (p) => `Xác nhận dự thảo lần 2 ${quoted(s(p, 'title'))}: ${num(p, 'regrouped')} nhóm điều thay đổi`,
  'consultation.answered': (p) => `${yes(p, 'byChair') ? `Chủ trì ghi nhận thay ${s(p, 'point')}: chọn` : `${s(p, 'point')} chọn`} ${quoted(s(p, 'option'))} về ${aboutVi(p)}${p.reason ? `: ${quoted(s(p, 'reason'))}` : ''}`,
  'consultation.closed': (p) => `${s(p, 'reason') === 'expired' ? 'Hết thời hạn lấy ý kiến' : 'Kết thúc lấy ý kiến'} về ${aboutVi(p)}`,
  'consultation.namesShown': (p) => `${yes(p, 'shown') ? 'Hiện' : 'Ẩn'} tên điểm cầu trong kết quả lấy ý kiến về ${aboutVi(p)}`,
  'budget.cleared': (p) => `Bỏ phân bổ thời gian phát biểu của nội dung ${quoted(s(p, 'item'))}`,
  'comment.merged': (p) => `Gộp ý kiến${ofWhom(p)} về ${refs(p)} (${quoted(s(p, 'text'))}) vào ý kiến về ${refs(p, 'intoArticles')} (${quoted(s(p, 'intoText'))})`,
};
