import {
  ARTICLE_TIME_HEADERS, BUDGET_TABLE_HEADERS, articleTimeRows, budgetTableRows, consultationsSectionTitle, formatDate, type MinutesReport, type ReportHeader,
} from '@diem-cau/shared';
import { AlignmentType, TableRow, type FileChild } from 'docx';
import { officialDocument, toDocxBuffer } from './documentShell';
import { CONTENT_WIDTH, STYLE, gridTable, heading, headerRow, para, run, table, textCell } from './docxKit';
import { timelineParagraphs } from './minutesTimeline';
import { positionsDocx } from './positionsDocx';
import { officialHeader, signatureBlock } from './officialHeader';
import { sealSentence, type LogSeal } from '../logSeal';

const SPEECH_WIDTHS = [700, 2_600, 1_300, 1_500, 1_000, 900, CONTENT_WIDTH - 8_000] as const;

function titleBlock(r: MinutesReport): FileChild[] {
  const center = { align: AlignmentType.CENTER, after: 60 } as const;
  return [para('BIÊN BẢN', { ...center, bold: true, size: 30, before: 240 }), para(r.conference.title, { ...center, bold: true, after: 240 })];
}

function infoBlock(r: MinutesReport): FileChild[] {
  const c = r.conference;
  const start = c.startedAt === undefined ? 'chưa khai mạc' : `bắt đầu lúc ${r.entries.find((e) => e.kind === 'opened')?.time ?? ''} ngày ${formatDate(c.startedAt, c.timeZone)}`;
  const end = c.endedAt === undefined ? '' : `; kết thúc lúc ${r.entries.find((e) => e.kind === 'closed')?.time ?? ''}`;
  const length = r.overall.duration === undefined ? '' : ` (${r.overall.duration})`;
  const label = (k: string, v: string) => para([run(`${k}: `, { bold: true }), run(v)], { indent: true, after: 60 });
  return [
    label('Thời gian', `${start}${end}${length}.`),
    ...(c.venue ? [label('Địa điểm', c.venue)] : []),
    label('Hình thức', `Hội nghị trực tuyến với ${r.totals.length} điểm cầu.`),
    label('Nội dung', `Lấy ý kiến góp ý vào ${c.draftTitle}.`),
    ...(c.status === 'ended' ? [] : [label('Ghi chú', `Biên bản lập khi hội nghị ${c.statusLabel.toLocaleLowerCase('vi')}.`)]),
  ];
}

function speechesTable(r: MinutesReport): FileChild {
  const headers = ['STT', 'Đại biểu, điểm cầu', 'Điều', 'Thời gian', 'Thời lượng', 'Quá giờ', 'Ghi chú'];
  const rows = r.speeches.map((s) => new TableRow({
    cantSplit: true,
    children: [
      textCell(s.no), textCell(`${s.speaker}\n${s.pointName}`), textCell(s.articlesLabel), textCell(`${s.start}–${s.end || '…'}`),
      textCell(s.duration, STYLE.cellCenter), textCell(s.overrun, STYLE.cellCenter),
      textCell([s.extensions > 0 ? `Gia hạn ${s.extensions} lần` : '', s.endLabel].filter(Boolean).join('; ')),
    ],
  }));
  return table(SPEECH_WIDTHS, [headerRow(headers, SPEECH_WIDTHS), ...rows]);
}

function totalsTable(r: MinutesReport): FileChild {
  const o = r.overall;
  const rows = r.totals.map((t, i): Array<string | number> => [i + 1, t.name, t.speeches, t.speaking, t.overrun, t.comments]);
  rows.push(['', 'Tổng cộng', o.speeches, o.speaking, '', o.comments]);
  return gridTable(['STT', 'Điểm cầu', 'Số lượt phát biểu', 'Thời gian phát biểu', 'Quá giờ', 'Số ý kiến'], [700, 3_454, 1_300, 1_500, 1_100, 1_300], rows);
}

const BUDGET_DOCX_WIDTHS = [1_500, 1_500, 800, 900, 1_000, 800, 900, 900, CONTENT_WIDTH - 8_300];
const ARTICLE_DOCX_WIDTHS = [2_000, 900, 3_300, 1_300, CONTENT_WIDTH - 7_500];

/** IV and V, when there is something to say: budgets (TB10) and the time per article (TB9). */
function timeSections(r: MinutesReport): FileChild[] {
  const out: FileChild[] = [];
  if (r.budgets.length > 0) out.push(heading('IV. THỜI GIAN PHÁT BIỂU THEO PHÂN BỔ', 1), gridTable([...BUDGET_TABLE_HEADERS], BUDGET_DOCX_WIDTHS, budgetTableRows(r.budgets)));
  if (r.articleTimes.length > 0) {
    out.push(heading(`${r.budgets.length === 0 ? 'IV' : 'V'}. THỜI GIAN PHÁT BIỂU THEO ĐIỀU`, 1), gridTable([...ARTICLE_TIME_HEADERS], ARTICLE_DOCX_WIDTHS, articleTimeRows(r.articleTimes)));
    for (const i of r.articleTimes) if (i.silent !== '') out.push(para(`${i.title}: chưa có phát biểu về ${i.silent}.`, { indent: true, italics: true }));
  }
  return out;
}

/** The minutes (biên bản) in the official layout: information, the course of the meeting, statistics. */
export function minutesDocx(r: MinutesReport, header: ReportHeader, seal?: LogSeal): Promise<Buffer> {
  const noSpeech = para('Không có lượt phát biểu.', { italics: true, indent: true });
  const children: FileChild[] = [
    officialHeader(header), ...titleBlock(r), ...infoBlock(r),
    heading('I. DIỄN BIẾN HỘI NGHỊ', 1), ...timelineParagraphs(r.entries),
    heading('II. CÁC LƯỢT PHÁT BIỂU', 1), r.speeches.length === 0 ? noSpeech : speechesTable(r),
    heading('III. TỔNG HỢP THEO ĐIỂM CẦU', 1), totalsTable(r), ...timeSections(r),
    ...(r.consultations.length === 0 ? [] : [heading(consultationsSectionTitle(r), 1), ...positionsDocx(r.consultations)]),
    para(`Biên bản được lập từ nhật ký hội nghị của hệ thống Điểm Cầu (đến sự kiện số ${r.conference.asOfSeq}).`, { indent: true, before: 240, italics: true }),
    ...(seal ? [para(sealSentence(seal), { indent: true, italics: true })] : []),
    signatureBlock(['THƯ KÝ HỘI NGHỊ', '(Ký, ghi rõ họ tên)'], ['CHỦ TRÌ HỘI NGHỊ', '(Ký, ghi rõ họ tên)']),
  ];
  return toDocxBuffer(officialDocument({ title: `Biên bản – ${r.conference.title}`, subject: r.conference.draftTitle }, children));
}
