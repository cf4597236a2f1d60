import type { ReportFormat, ReportKind } from './reportFormats';

const BASE_NAMES: Record<ReportKind, string> = { synthesis: 'Báo cáo tổng hợp ý kiến', minutes: 'Biên bản hội nghị' };

/** "Báo cáo tổng hợp ý kiến - hn-dang-doan-2023.docx" */
export function reportFileName(kind: ReportKind, format: ReportFormat, conferenceId: string): string {
  return `${BASE_NAMES[kind]} - ${conferenceId}.${format}`;
}

/** The ASCII twin for old clients: diacritics folded, anything unsafe in a quoted header value replaced. */
export function asciiFileName(name: string): string {
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return folded.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-').replace(/^-|-(?=\.)/g, '');
}

/** RFC 5987 value-chars: percent-encode everything but attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** RFC 6266 Content-Disposition with both the ASCII filename and the UTF-8 filename*. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}
