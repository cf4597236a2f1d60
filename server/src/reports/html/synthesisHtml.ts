import {
  CONCORDANCE_HEADERS, DRAFT_NAMES, DROPPED_ARTICLES_HEADING, GENERAL_COMMENTS_LABEL, concordanceTableRows, formatDate, numberingSentence, type ArticleSynthesis, type ChapterSynthesis, type ReportHeader,
  type SynthesisReport,
} from '@diem-cau/shared';
import { barChart } from './barChart';
import { commentTableHtml } from './commentTableHtml';
import { heatmapTable } from './heatmapTable';
import { positionsHtml } from './positionsHtml';
import { esc, gridTable, htmlPage, officialHeaderHtml } from './htmlKit';
import { sealSentence, type LogSeal } from '../logSeal';

function intro(r: SynthesisReport): string {
  const s = r.summary;
  const day = r.conference.startedAt === undefined ? '' : `Ngày ${formatDate(r.conference.startedAt, r.conference.timeZone)}, `;
  const points = s.byPoint.filter((p) => p.count > 0).length;
  return `<p class="lead">${esc(`${day}Ban Tổ chức đã ghi nhận ${s.total} ý kiến góp ý (${s.spoken} ý kiến phát biểu, ${s.written} ý kiến bằng văn bản) của ${points} điểm cầu; ${s.articlesCommented}/${s.articlesTotal} điều của dự thảo có ý kiến.`)}</p>`;
}

function summary(r: SynthesisReport): string {
  const s = r.summary;
  const bars = r.chapters.flatMap((c) => c.articles).map((a) => ({ label: a.label, title: a.title, value: a.count }));
  return [
    '<h2>I. TỔNG HỢP CHUNG</h2>',
    '<h3>1. Số ý kiến theo chương</h3>',
    gridTable(['STT', 'Chương', 'Số điều có ý kiến', 'Số ý kiến'], s.byChapter.map((c, i) => [i + 1, [c.label, c.title].filter(Boolean).join('. '), `${c.articlesCommented}/${c.articlesTotal}`, c.count])),
    '<h3>2. Số ý kiến theo điểm cầu</h3>',
    gridTable(['STT', 'Điểm cầu', 'Phát biểu', 'Văn bản', 'Tổng'], s.byPoint.map((p, i) => [i + 1, p.name, p.spoken, p.written, p.count])),
    '<h3>3. Số ý kiến theo loại</h3>',
    gridTable(['STT', 'Loại ý kiến', 'Số ý kiến'], s.byKind.map((k, i) => [i + 1, k.label, k.count])),
    '<h3>4. Tình hình tiếp thu, giải trình</h3>',
    gridTable(['STT', 'Hướng xử lý', 'Số ý kiến'], s.byResponse.map((x, i) => [i + 1, x.label, x.count])),
    '<h3>5. Số ý kiến theo từng điều</h3>',
    barChart(bars, 'Biểu đồ: số ý kiến góp ý theo từng điều, theo thứ tự của dự thảo'),
  ].join('\n');
}

function heatmapSection(r: SynthesisReport): string {
  return `<section class="wide"><h3>6. Bản đồ nhiệt: điều × điểm cầu</h3>${heatmapTable(r.heatmap)}<p class="legend">Mỗi ô là số ý kiến của điểm cầu về điều đó; màu càng đậm càng nhiều ý kiến (nhiều nhất: ${r.heatmap.max}).</p></section>`;
}

function article(a: ArticleSynthesis): string {
  const title = `<h4>${esc(`${a.label}. ${a.title}`.replace(/\.\s*$/, ''))}</h4>`;
  const positions = positionsHtml(a.consultations);
  if (a.count === 0) return `${title}<p class="lead note">Không có ý kiến góp ý.</p>${positions}`;
  const from = a.points.map((p) => `${p.name} (${p.count})`).join(', ');
  return `${title}<p class="lead count">${esc(`Có ${a.count} ý kiến của ${a.points.length} điểm cầu: ${from}.`)}</p>${commentTableHtml(a.groups)}${positions}`;
}

function chapter(ch: ChapterSynthesis): string {
  let section: string | undefined;
  const parts = ch.label === '' ? [] : [`<h3>${esc(`${ch.label}. ${ch.title}`)}</h3>`];
  for (const a of ch.articles) {
    if (a.sectionLabel !== undefined && a.sectionLabel !== section) parts.push(`<p style="text-align:center"><b>${esc(a.sectionLabel)}</b></p>`);
    section = a.sectionLabel;
    parts.push(article(a));
  }
  return parts.join('\n');
}

/** DA19: the consulted articles the revision deleted, after the revision's own, with their positions. */
function dropped(r: SynthesisReport): string {
  if (!r.dropped) return '';
  const articles = r.dropped.map((d) => `<h4>${esc(`${d.label}. ${d.title}`.replace(/\.\s*$/, ''))}</h4>${positionsHtml(d.consultations)}`);
  return `<h3 data-section="dropped">${esc(DROPPED_ARTICLES_HEADING)}</h3>${articles.join('\n')}`;
}

function tail(r: SynthesisReport): string {
  const general = r.general.count === 0 ? '<p class="lead note">Không có ý kiến chung.</p>' : commentTableHtml(r.general.groups);
  const none = r.uncommented.length === 0
    ? '<p class="lead">Tất cả các điều của dự thảo đều có ý kiến góp ý.</p>'
    : gridTable(['STT', 'Chương', 'Điều', 'Tên điều'], r.uncommented.map((a, i) => [i + 1, a.chapterLabel, a.label, a.title]));
  const concordance = r.revision
    ? `<h2>V. BẢNG ĐỐI CHIẾU ${esc(DRAFT_NAMES.first.toLocaleUpperCase('vi'))} – ${esc(DRAFT_NAMES.revised.toLocaleUpperCase('vi'))}</h2>${gridTable([...CONCORDANCE_HEADERS], concordanceTableRows(r.revision))}`
    : '';
  return `<h2>III. ${esc(GENERAL_COMMENTS_LABEL.toLocaleUpperCase('vi'))} VỀ DỰ THẢO</h2>${general}<h2>IV. CÁC ĐIỀU CHƯA CÓ Ý KIẾN GÓP Ý</h2>${none}${concordance}`;
}

/** The print view of the synthesis: what the browser's print (or "save as PDF") uses. */
export function synthesisHtml(r: SynthesisReport, header: ReportHeader, seal?: LogSeal): string {
  const c = r.conference;
  const body = [
    officialHeaderHtml(header),
    `<h1 class="title">BÁO CÁO</h1><p class="subtitle">${esc(`Tổng hợp ý kiến góp ý vào ${c.draftTitle}`)}</p><p class="subtitle i">${esc(`tại ${c.title}`)}</p>`,
    intro(r), r.revision ? `<p class="lead note numbering">${esc(numberingSentence(r.revision))}</p>` : '', summary(r), heatmapSection(r),
    '<h2>II. Ý KIẾN GÓP Ý THEO TỪNG ĐIỀU</h2>', ...r.chapters.map(chapter), dropped(r),
    tail(r),
    seal ? `<p class="lead note seal">${esc(sealSentence(seal))}</p>` : '',
    `<div class="signatures"><div></div><div><div class="b">${esc(header.issuer)}</div><div class="note">(Ký, ghi rõ họ tên)</div></div></div>`,
  ];
  return htmlPage(`Báo cáo tổng hợp ý kiến – ${c.title}`, body.join('\n'));
}
