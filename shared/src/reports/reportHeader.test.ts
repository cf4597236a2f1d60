import { FixtureConference } from '../testing/conferenceFixture';
import { conferenceInfoOf } from './reportDirectory';
import { looksLikePartyDocument, placeOfVenue, reportHeaderOf } from './reportHeader';
import { formatClock, formatDate, formatDuration, formatLongDate } from './vnTime';

describe('report header and times', () => {
  it('R10: times print in Vietnam time (UTC+7), dates dd/MM/yyyy', () => {
    const at = Date.UTC(2023, 9, 27, 17, 5, 9);
    expect(formatClock(at)).toBe('00:05:09');
    expect(formatDate(at)).toBe('28/10/2023');
    expect(formatLongDate(at)).toBe('ngày 28 tháng 10 năm 2023');
    expect([formatDuration(59_999), formatDuration(61_000), formatDuration(3_723_000)]).toEqual(['0:59', '1:01', '1:02:03']);
  });

  it('R11: a Party document gets the Party header, a state one the Quốc hiệu; place from the venue', () => {
    expect(looksLikePartyDocument('Quy định về đảng đoàn, ban cán sự đảng')).toBe(true);
    expect(looksLikePartyDocument('Luật Đất đai (sửa đổi)', 'đang lấy ý kiến')).toBe(false);
    expect(placeOfVenue('Ban Tổ chức Trung ương, Hà Nội')).toBe('Hà Nội');
    const info = { ...conferenceInfoOf(new FixtureConference().state), venue: 'Hội trường A, Thái Nguyên', startedAt: Date.UTC(2023, 9, 27, 2) };
    expect(reportHeaderOf(info)).toEqual({
      style: 'state', issuerParent: '', issuer: 'BAN TỔ CHỨC HỘI NGHỊ',
      national: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], dateLine: 'Thái Nguyên, ngày 27 tháng 10 năm 2023',
    });
    expect(reportHeaderOf(info, { style: 'party', issuer: 'Ban Tổ chức Trung ương' })).toMatchObject({ national: ['ĐẢNG CỘNG SẢN VIỆT NAM'], issuer: 'BAN TỔ CHỨC TRUNG ƯƠNG' });
  });
});

describe('report times in the conference’s zone', () => {
  it('K11: Vietnam time by default, any IANA zone when the setup names one', () => {
    const at = Date.parse('2023-10-27T08:05:09+07:00');
    expect(formatClock(at)).toBe('08:05:09');
    expect(formatClock(at, 'Europe/Paris')).toBe('03:05:09');
    expect(formatDate(Date.parse('2023-10-27T01:00:00+07:00'), 'Europe/Paris')).toBe('26/10/2023');
    expect(formatLongDate(at, 'Asia/Tokyo')).toBe('ngày 27 tháng 10 năm 2023');
  });
});
