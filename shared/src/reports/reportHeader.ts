import { nfc } from '../text/vietnamese';
import { conferenceDay, type ConferenceInfo } from './reportDirectory';
import { formatLongDate } from './vnTime';

/**
 * The header block of an official document. State bodies use the Quốc hiệu (Nghị định
 * 30/2020/NĐ-CP); Party bodies use "ĐẢNG CỘNG SẢN VIỆT NAM" (Hướng dẫn 36-HD/VPTW), so a
 * consultation on a Party regulation — the product's main case — carries the Party header.
 */
export type HeaderStyle = 'party' | 'state';

export interface ReportHeader {
  style: HeaderStyle;
  /** The superior body above the issuer, e.g. "BAN CHẤP HÀNH TRUNG ƯƠNG"; may be empty. */
  issuerParent: string;
  issuer: string;
  /** Right column, in print order: the Party name, or the Quốc hiệu and its motto. */
  national: string[];
  /** "Hà Nội, ngày 27 tháng 10 năm 2023" */
  dateLine: string;
}

export interface HeaderOptions {
  style?: HeaderStyle;
  issuer?: string;
  issuerParent?: string;
  place?: string;
  date?: number;
}

export const DEFAULT_ISSUER = 'BAN TỔ CHỨC HỘI NGHỊ';
const PARTY_MARKERS = ['đảng', 'tỉnh ủy', 'thành ủy', 'bộ chính trị', 'ban bí thư', 'ban chấp hành trung ương'];

/** True when the conference consults on a Party document (Quy định of the Trung ương, đảng đoàn, …). */
export function looksLikePartyDocument(...texts: readonly string[]): boolean {
  const text = nfc(texts.join(' ')).toLocaleLowerCase('vi');
  return PARTY_MARKERS.some((m) => text.includes(m));
}

/** "Ban Tổ chức Trung ương, Hà Nội" → "Hà Nội": the venue's last part names the place. */
export function placeOfVenue(venue: string | undefined): string {
  const parts = (venue ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
}

export function reportHeaderOf(info: ConferenceInfo, options: HeaderOptions = {}): ReportHeader {
  const style = options.style ?? (looksLikePartyDocument(info.title, info.draftTitle) ? 'party' : 'state');
  const day = options.date ?? conferenceDay(info);
  const place = options.place ?? placeOfVenue(info.venue);
  const date = day === undefined ? 'ngày … tháng … năm …' : formatLongDate(day, info.timeZone);
  return {
    style,
    issuerParent: (options.issuerParent ?? '').toLocaleUpperCase('vi'),
    issuer: (options.issuer ?? DEFAULT_ISSUER).toLocaleUpperCase('vi'),
    national: style === 'party' ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    dateLine: place === '' ? date : `${place}, ${date}`,
  };
}
