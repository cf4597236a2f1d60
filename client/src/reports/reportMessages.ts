import type { Locale } from '../i18n/i18n';
import type { Numbering } from '@diem-cau/shared';
import type { ReportFormat, ReportKind } from './reportLinks';

const vi = {
  title: 'Báo cáo',
  intro: 'Báo cáo được lập từ nhật ký hội nghị ngay lúc tải về, nên luôn có các ý kiến và phần trả lời mới nhất.',
  kinds: { synthesis: 'Báo cáo tổng hợp ý kiến', minutes: 'Biên bản hội nghị' } as Record<ReportKind, string>,
  about: {
    synthesis: 'Ý kiến theo từng chương, điều; số ý kiến theo điểm cầu và loại; phần tiếp thu, giải trình.',
    minutes: 'Diễn biến theo thời gian: các nội dung, từng lượt phát biểu, ý kiến được ghi, tổng hợp theo điểm cầu.',
  } as Record<ReportKind, string>,
  formats: { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', csv: 'CSV', html: 'Bản in' } as Record<ReportFormat, string>,
  download: (kind: string, format: string) => `Tải ${kind.toLocaleLowerCase('vi')}, định dạng ${format}`,
  print: (kind: string) => `Mở bản in của ${kind.toLocaleLowerCase('vi')} (thẻ mới)`,
  report: 'Báo cáo',
  formatsHead: 'Tải về',
  numbering: 'Đánh số theo',
  numberings: { first: 'dự thảo lần 1', revised: 'dự thảo lần 2' } as Record<Numbering, string>,
  failed: {
    refused: 'Máy chủ từ chối tải báo cáo: phiên làm việc đã hết hạn hoặc bị thu hồi.',
    network: 'Không tải được báo cáo: mất kết nối tới máy chủ. Hãy thử lại.',
  } as Record<'refused' | 'network', string>,
};

const en: typeof vi = {
  title: 'Reports',
  intro: 'Reports are built from the conference log when downloaded, so they always carry the latest comments and responses.',
  kinds: { synthesis: 'Comment synthesis report', minutes: 'Minutes of the conference' },
  about: {
    synthesis: 'Comments per chapter and article; counts per point and kind; the drafting team’s responses.',
    minutes: 'What happened in order: agenda items, every speech, the comments logged, totals per point.',
  },
  formats: { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', csv: 'CSV', html: 'Print view' },
  download: (kind: string, format: string) => `Download the ${kind.toLowerCase()} as ${format}`,
  print: (kind: string) => `Open the print view of the ${kind.toLowerCase()} (new tab)`,
  report: 'Report',
  formatsHead: 'Download',
  numbering: 'Numbering follows',
  numberings: { first: 'draft 1', revised: 'draft 2' },
  failed: {
    refused: 'The hub refused the report: the session has expired or was revoked.',
    network: 'The report could not be fetched: no connection to the hub. Please try again.',
  },
};

export const REPORT_MESSAGES: Record<Locale, typeof vi> = { vi, en };
