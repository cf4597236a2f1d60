import {
  ARTICLE_TIME_HEADERS, BUDGET_TABLE_HEADERS, articleTimeRows, budgetTableRows, consultationsSectionTitle, formatDate, formatDuration, type CommentEntry, type MinutesEntry, type MinutesReport, type MinutesSpeech, type ReportHeader,
} from '@diem-cau/shared';
import { esc, escLines, gridTable, htmlPage, officialHeaderHtml } from './htmlKit';
import { positionsHtml } from './positionsHtml';
import { sealSentence, type LogSeal } from '../logSeal';

function facts(s: MinutesSpeech): string {
  const list = [`thời lượng ${s.duration}/${formatDuration(s.allowedMs)} cho phép`];
  if (s.overrun !== '') list.push(`quá giờ ${s.overrun}`);
  if (s.extensions > 0) list.push(`gia hạn ${s.extensions} lần (${s.extendedS} giây)`);
  if (s.pausedMs >= 1000) list.push(`tạm dừng ${formatDuration(s.pausedMs)}`);
  list.push(s.revokeReason ? `${s.endLabel}: ${s.revokeReason}` : s.endLabel);
  return list.join('; ');
}

function commentItem(c: CommentEntry): string {
  const where = c.refsLabel === '' ? '' : `, ${c.refsLabel}`;
  return `<li><b>${esc(c.kindLabel + where)}:</b> ${escLines(c.text)} <span class="muted">(${esc(c.time)})</span></li>`;
}

function speech(s: MinutesSpeech): string {
  const when = s.end === '' ? `Từ ${s.start}.` : `${s.start} – ${s.end}.`;
  const who = [s.position, s.pointName].filter((x) => x !== '').join(', ');
  const about = s.articlesLabel === '' ? '' : ` về ${s.articlesLabel}`;
  const list = s.comments.length === 0 ? '' : `<ul>${s.comments.map(commentItem).join('')}</ul>`;
  const recording = s.recordingUrl ? ` <a href="${esc(s.recordingUrl)}" data-recording="${esc(s.id)}">Nghe lại bản ghi hình</a>` : '';
  return `<p class="lead"><b>${esc(when)} Đồng chí ${esc(s.speaker)}</b>, ${esc(who)} phát biểu${esc(about)} <i>(${esc(facts(s))})</i>.${recording}</p>${list}`;
}

function entry(e: MinutesEntry): string {
  switch (e.kind) {
    case 'opened':
    case 'closed':
    case 'denied':
    case 'consultation':
      return `<p class="lead"><b>${esc(e.time)}.</b> ${esc(e.text)}.</p>`;
    case 'agenda':
      return `<p class="lead"><b>${esc(e.time)}. <i>Chuyển sang nội dung: ${esc(e.title)}</i></b></p>`;
    case 'speech':
      return speech(e.speech);
    case 'comment': {
      const c = e.comment;
      const from = c.speaker === '' ? c.pointName : `${c.speaker} (${c.pointName})`;
      const kind = c.refsLabel === '' ? c.kindLabel : `${c.kindLabel}, ${c.refsLabel}`;
      return `<p class="lead"><b>${esc(c.time)}.</b> Ý kiến ${c.source === 'written' ? 'bằng văn bản' : 'ghi nhận'} của ${esc(from)} <i>(${esc(kind)})</i>: ${escLines(c.text)}</p>`;
    }
  }
}

function info(r: MinutesReport): string {
  const c = r.conference;
  const opened = r.entries.find((e) => e.kind === 'opened')?.time ?? '';
  const closed = r.entries.find((e) => e.kind === 'closed')?.time;
  const start = c.startedAt === undefined ? 'chưa khai mạc' : `bắt đầu lúc ${opened} ngày ${formatDate(c.startedAt, c.timeZone)}`;
  const rows: Array<[string, string]> = [
    ['Thời gian', `${start}${closed ? `; kết thúc lúc ${closed}` : ''}${r.overall.duration ? ` (${r.overall.duration})` : ''}.`],
    ...(c.venue ? [['Địa điểm', c.venue] as [string, string]] : []),
    ['Hình thức', `Hội nghị trực tuyến với ${r.totals.length} điểm cầu.`],
    ['Nội dung', `Lấy ý kiến góp ý vào ${c.draftTitle}.`],
  ];
  return rows.map(([k, v]) => `<p class="lead"><b>${esc(k)}:</b> ${esc(v)}</p>`).join('\n');
}

function tables(r: MinutesReport): string {
  const o = r.overall;
  const speeches = gridTable(['STT', 'Đại biểu', 'Điểm cầu', 'Điều', 'Thời gian', 'Thời lượng', 'Quá giờ', 'Ghi chú'],
    r.speeches.map((s) => [s.no, s.speaker, s.pointName, s.articlesLabel, `${s.start}–${s.end || '…'}`, s.duration, s.overrun, [s.extensions > 0 ? `Gia hạn ${s.extensions} lần` : '', s.endLabel].filter(Boolean).join('; ')]));
  const totals = gridTable(['STT', 'Điểm cầu', 'Số lượt phát biểu', 'Thời gian phát biểu', 'Quá giờ', 'Số ý kiến'],
    [...r.totals.map((t, i): Array<string | number> => [i + 1, t.name, t.speeches, t.speaking, t.overrun, t.comments]), ['', 'Tổng cộng', o.speeches, o.speaking, '', o.comments]]);
  const consultations = r.consultations.length === 0 ? '' : `<h2>${esc(consultationsSectionTitle(r))}</h2>${positionsHtml(r.consultations)}`;
  return `<h2>II. CÁC LƯỢT PHÁT BIỂU</h2>${r.speeches.length === 0 ? '<p class="lead note">Không có lượt phát biểu.</p>' : speeches}<h2>III. TỔNG HỢP THEO ĐIỂM CẦU</h2>${totals}${timeTables(r)}${consultations}`;
}

/** IV and V, when there is something to say: budgets (TB10) and the time per article (TB9). */
function timeTables(r: MinutesReport): string {
  const silent = r.articleTimes.filter((i) => i.silent !== '').map((i) => `<p class="lead note">${esc(i.title)}: chưa có phát biểu về ${esc(i.silent)}.</p>`).join('');
  return [
    r.budgets.length === 0 ? '' : `<h2>IV. THỜI GIAN PHÁT BIỂU THEO PHÂN BỔ</h2>${gridTable(BUDGET_TABLE_HEADERS, budgetTableRows(r.budgets))}`,
    r.articleTimes.length === 0 ? '' : `<h2>${r.budgets.length === 0 ? 'IV' : 'V'}. THỜI GIAN PHÁT BIỂU THEO ĐIỀU</h2>${gridTable(ARTICLE_TIME_HEADERS, articleTimeRows(r.articleTimes))}${silent}`,
  ].join('');
}

/** The print view of the minutes. */
export function minutesHtml(r: MinutesReport, header: ReportHeader, seal?: LogSeal): string {
  const body = [
    officialHeaderHtml(header),
    `<h1 class="title">BIÊN BẢN</h1><p class="subtitle i" style="font-weight:bold;font-style:normal">${esc(r.conference.title)}</p>`,
    info(r), '<h2>I. DIỄN BIẾN HỘI NGHỊ</h2>', ...r.entries.map(entry), tables(r),
    `<p class="lead note">Biên bản được lập từ nhật ký hội nghị của hệ thống Điểm Cầu (đến sự kiện số ${r.conference.asOfSeq}).</p>`,
    seal ? `<p class="lead note seal">${esc(sealSentence(seal))}</p>` : '',
    '<div class="signatures"><div><div class="b">THƯ KÝ HỘI NGHỊ</div><div class="note">(Ký, ghi rõ họ tên)</div></div><div><div class="b">CHỦ TRÌ HỘI NGHỊ</div><div class="note">(Ký, ghi rõ họ tên)</div></div></div>',
  ];
  return htmlPage(`Biên bản – ${r.conference.title}`, body.join('\n'));
}
