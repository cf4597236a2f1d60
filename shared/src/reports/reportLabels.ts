import type { AgendaKind } from '../conference/setup';
import type { ConferenceStatus, SpeechStatus } from '../conference/state';
import type { CommentKind, CommentSource } from '../comments/commentCommands';
import type { ResponseStatus } from './commentResponse';

/** The Vietnamese words the reports print; one table so every format says the same thing. */
export const KIND_LABELS: Record<CommentKind, string> = {
  agree: 'Tán thành',
  clarify: 'Làm rõ',
  supplement: 'Bổ sung',
  amend: 'Sửa đổi',
  remove: 'Đề nghị bỏ',
  propose: 'Đề xuất',
  other: 'Khác',
};

export const SOURCE_LABELS: Record<CommentSource, string> = { spoken: 'Phát biểu', written: 'Văn bản' };

export const RESPONSE_LABELS: Record<ResponseStatus, string> = {
  accepted: 'Tiếp thu',
  partly: 'Tiếp thu một phần',
  explained: 'Giải trình',
};

export type SpeechEndReason = Extract<SpeechStatus, { kind: 'ended' }>['reason'];

export const END_REASON_LABELS: Record<SpeechEndReason, string> = {
  released: 'Đại biểu kết thúc',
  timeout: 'Hết thời gian',
  next: 'Chủ trì chuyển lượt',
  ended: 'Hội nghị kết thúc',
  revoked: 'Chủ trì dừng phát biểu',
};

export const STATUS_LABELS: Record<ConferenceStatus, string> = {
  scheduled: 'Chưa bắt đầu',
  live: 'Đang diễn ra',
  ended: 'Đã kết thúc',
};

export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  opening: 'Khai mạc',
  presentation: 'Trình bày',
  discussion: 'Thảo luận',
  conclusion: 'Kết luận',
  other: 'Nội dung khác',
};

/** Where a comment whose point is unknown is counted. */
export const UNKNOWN_POINT_LABEL = 'Không xác định';
/** The heading of comments that name no article. */
export const GENERAL_COMMENTS_LABEL = 'Ý kiến chung';
