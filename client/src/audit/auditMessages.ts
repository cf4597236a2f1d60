import { AUDIT_AREA_LABELS, AUDIT_ROLE_LABELS, type AuditArea, type AuditRow, type EventType } from '@diem-cau/shared';
import type { Locale } from '../i18n/i18n';
import { AUDIT_TEXT_EN } from './auditEnglish';
import type { AuditFailure } from './auditApi';

/**
 * The audit view's words, beside the component like the report downloads' (it is mounted in the chair's
 * console and in the organiser workspace, which keep separate catalogues). The Vietnamese sentence of a
 * row is the hub's own; English is rendered here from the row's action and params.
 */
const vi = {
  tab: 'Nhật ký thao tác',
  title: 'Nhật ký thao tác',
  intro: 'Mọi thao tác theo đúng nhật ký hội nghị: ai làm gì, lúc nào. Tải về CSV đúng các dòng đang hiển thị.',
  area: 'Loại',
  areaAll: 'Tất cả các loại',
  areas: AUDIT_AREA_LABELS as Record<AuditArea, string>,
  point: 'Điểm cầu liên quan',
  pointAll: 'Tất cả các điểm cầu',
  orders: { newest: 'Mới nhất trước', oldest: 'Cũ nhất trước' },
  orderLabel: 'Thứ tự',
  csv: 'Tải CSV',
  csvLabel: 'Tải các dòng đang hiển thị, định dạng CSV',
  columns: { time: 'Thời gian', who: 'Người thực hiện', area: 'Loại', what: 'Nội dung' },
  roles: AUDIT_ROLE_LABELS,
  count: (shown: number, all: number) => (shown === all ? `${all} thao tác` : `${shown} / ${all} thao tác`),
  more: (n: number) => `Xem thêm ${n} dòng`,
  empty: 'Không có thao tác nào khớp bộ lọc.',
  loading: 'Đang tải nhật ký…',
  failed: {
    refused: 'Máy chủ từ chối: chỉ chủ trì và ban tổ chức xem được nhật ký thao tác, hoặc phiên đã hết hạn.',
    network: 'Không tải được nhật ký: mất kết nối tới máy chủ. Đang thử lại…',
  } as Record<AuditFailure, string>,
  what: (row: AuditRow): string => row.text,
};

const en: typeof vi = {
  tab: 'Audit trail',
  title: 'Audit trail',
  intro: 'Every action as the conference log holds it: who did what, and when. The CSV holds exactly the rows shown.',
  area: 'Kind',
  areaAll: 'All kinds',
  areas: { conference: 'Conference', agenda: 'Agenda', points: 'Check-in', floor: 'Floor', comments: 'Comments' },
  point: 'Bridge point concerned',
  pointAll: 'All bridge points',
  orders: { newest: 'Newest first', oldest: 'Oldest first' },
  orderLabel: 'Order',
  csv: 'Download CSV',
  csvLabel: 'Download the rows shown as CSV',
  columns: { time: 'Time', who: 'Who', area: 'Kind', what: 'What' },
  roles: { chair: 'Chair', secretary: 'Secretary', point: 'Bridge point', display: 'Display', organiser: 'Organisers', system: 'System' },
  count: (shown, all) => (shown === all ? `${all} actions` : `${shown} of ${all} actions`),
  more: (n) => `Show ${n} more`,
  empty: 'No action matches the filter.',
  loading: 'Loading the audit trail…',
  failed: {
    refused: 'The hub refused: only the chair and the organisers may see the audit trail, or the session has expired.',
    network: 'The audit trail could not be loaded: no connection to the hub. Retrying…',
  },
  // A row of a newer hub whose action this console does not know yet: its Vietnamese sentence.
  what: (row) => (AUDIT_TEXT_EN[row.action as EventType] ?? (() => row.text))(row.params),
};

export const AUDIT_MESSAGES: Record<Locale, typeof vi> = { vi, en };
export type AuditMessages = typeof vi;
