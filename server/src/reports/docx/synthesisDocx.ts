import {
  CONCORDANCE_HEADERS, DRAFT_NAMES, DROPPED_ARTICLES_HEADING, GENERAL_COMMENTS_LABEL, concordanceTableRows, formatDate, numberingSentence, type ArticleSynthesis, type ChapterSynthesis, type ReportHeader,
  type SynthesisReport,
} from '@diem-cau/shared';
import { AlignmentType, type FileChild } from 'docx';
import { articleCommentsTable } from './articleCommentsTable';
import { officialDocument } from './documentShell';
import { RawXmlBlocks } from './rawXmlBlocks';
import { gridTable, heading, para } from './docxKit';
import { officialHeader, recipientsAndSigner } from './officialHeader';
import { positionsDocx } from './positionsDocx';
import { sealSentence, type LogSeal } from '../logSeal';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

function titleBlock(r: SynthesisReport): FileChild[] {
  const c = r.conference;
  const center = { align: AlignmentType.CENTER, after: 60 } as const;
  return [
    para('BÁO CÁO', { ...center, bold: true, size: 30, before: 240 }),
    para(`Tổng hợp ý kiến góp ý vào ${c.draftTitle}`, { ...center, bold: true }),
    para(`tại ${c.title}`, { ...center, italics: true, after: 240 }),
  ];
}

function intro(r: SynthesisReport): FileChild {
  const s = r.summary;
  const day = r.conference.startedAt === undefined ? '' : `Ngày ${formatDate(r.conference.startedAt, r.conference.timeZone)}, `;
  const points = s.byPoint.filter((p) => p.count > 0).length;
  return para(
    `${day}Ban Tổ chức đã ghi nhận ${s.total} ý kiến góp ý (${s.spoken} ý kiến phát biểu, ${s.written} ý kiến bằng văn bản) của ${points} điểm cầu; ` +
      `${s.articlesCommented}/${s.articlesTotal} điều của dự thảo có ý kiến. Ban Tổ chức tổng hợp như sau:`,
    { indent: true },
  );
}

function summarySection(r: SynthesisReport, n: string): FileChild[] {
  const s = r.summary;
  return [
    heading(`${n}. TỔNG HỢP CHUNG`, 1),
    heading('1. Số ý kiến theo chương', 2),
    gridTable(['STT', 'Chương', 'Số điều có ý kiến', 'Số ý kiến'], [700, 5_054, 1_800, 1_800],
      s.byChapter.map((c, i) => [i + 1, [c.label, c.title].filter(Boolean).join('. '), `${c.articlesCommented}/${c.articlesTotal}`, c.count])),
    heading('2. Số ý kiến theo điểm cầu', 2),
    gridTable(['STT', 'Điểm cầu', 'Phát biểu', 'Văn bản', 'Tổng'], [700, 4_454, 1_400, 1_400, 1_400],
      s.byPoint.map((p, i) => [i + 1, p.name, p.spoken, p.written, p.count])),
    heading('3. Số ý kiến theo loại', 2),
    gridTable(['STT', 'Loại ý kiến', 'Số ý kiến'], [700, 6_854, 1_800], s.byKind.map((k, i) => [i + 1, k.label, k.count])),
    heading('4. Tình hình tiếp thu, giải trình', 2),
    gridTable(['STT', 'Hướng xử lý', 'Số ý kiến'], [700, 6_854, 1_800], s.byResponse.map((x, i) => [i + 1, x.label, x.count])),
  ];
}

function articleBlock(a: ArticleSynthesis, raw: RawXmlBlocks): FileChild[] {
  const title = heading(`${a.label}. ${a.title}`.replace(/\.\s*$/, ''), 3);
  const positions = positionsDocx(a.consultations);
  if (a.count === 0) return [title, para('Không có ý kiến góp ý.', { italics: true, indent: true }), ...positions];
  const from = a.points.map((p) => `${p.name} (${p.count})`).join(', ');
  return [title, para(`Có ${a.count} ý kiến của ${a.points.length} điểm cầu: ${from}.`, { indent: true, keepNext: true }), raw.placeholder(articleCommentsTable(a.groups)), para('', { after: 60 }), ...positions];
}

function chapterBlock(ch: ChapterSynthesis, raw: RawXmlBlocks): FileChild[] {
  const out: FileChild[] = ch.label === '' ? [] : [heading(`${ch.label}. ${ch.title}`, 2)];
  let section: string | undefined;
  for (const a of ch.articles) {
    if (a.sectionLabel !== undefined && a.sectionLabel !== section) out.push(para(a.sectionLabel, { bold: true, align: AlignmentType.CENTER, keepNext: true }));
    section = a.sectionLabel;
    out.push(...articleBlock(a, raw));
  }
  return out;
}

/** DA19: the consulted articles the revision deleted, after the revision's own, with their positions. */
function droppedBlock(r: SynthesisReport): FileChild[] {
  if (!r.dropped) return [];
  return [heading(DROPPED_ARTICLES_HEADING, 2), ...r.dropped.flatMap((d) => [heading(`${d.label}. ${d.title}`.replace(/\.\s*$/, ''), 3), ...positionsDocx(d.consultations)])];
}

function uncommentedSection(r: SynthesisReport, n: string): FileChild[] {
  const body = r.uncommented.length === 0
    ? [para('Tất cả các điều của dự thảo đều có ý kiến góp ý.', { indent: true })]
    : [gridTable(['STT', 'Chương', 'Điều', 'Tên điều'], [700, 1_600, 1_300, 5_754], r.uncommented.map((a, i) => [i + 1, a.chapterLabel, a.label, a.title]))];
  return [heading(`${n}. CÁC ĐIỀU CHƯA CÓ Ý KIẾN GÓP Ý`, 1), ...body];
}

function generalSection(r: SynthesisReport, n: string, raw: RawXmlBlocks): FileChild[] {
  const body = r.general.count === 0 ? [para('Không có ý kiến chung.', { italics: true, indent: true })] : [raw.placeholder(articleCommentsTable(r.general.groups))];
  return [heading(`${n}. ${GENERAL_COMMENTS_LABEL.toLocaleUpperCase('vi')} VỀ DỰ THẢO`, 1), ...body];
}

function concordanceSection(r: SynthesisReport, n: string): FileChild[] {
  if (!r.revision) return [];
  const title = `${n}. BẢNG ĐỐI CHIẾU ${DRAFT_NAMES.first.toLocaleUpperCase('vi')} – ${DRAFT_NAMES.revised.toLocaleUpperCase('vi')}`;
  return [heading(title, 1), gridTable([...CONCORDANCE_HEADERS], [700, 1_900, 1_900, 1_500, 3_354], concordanceTableRows(r.revision))];
}

/** The synthesis report in the official Vietnamese layout. */
export function synthesisDocx(r: SynthesisReport, header: ReportHeader, seal?: LogSeal): Promise<Buffer> {
  const raw = new RawXmlBlocks();
  const children: FileChild[] = [
    officialHeader(header), ...titleBlock(r), intro(r), ...(r.revision ? [para(numberingSentence(r.revision), { indent: true, italics: true })] : []),
    ...summarySection(r, ROMAN[0]),
    heading(`${ROMAN[1]}. Ý KIẾN GÓP Ý THEO TỪNG ĐIỀU`, 1), ...r.chapters.flatMap((ch) => chapterBlock(ch, raw)), ...droppedBlock(r),
    ...generalSection(r, ROMAN[2], raw),
    ...uncommentedSection(r, ROMAN[3]),
    ...concordanceSection(r, ROMAN[4]),
    ...(seal ? [para(sealSentence(seal), { indent: true, before: 240, italics: true })] : []),
    para('', { after: 240 }),
    recipientsAndSigner(['- Cơ quan chủ trì soạn thảo;', '- Lưu: Ban Tổ chức.'], [header.issuer, '(Ký, ghi rõ họ tên)']),
  ];
  return raw.pack(officialDocument({ title: `Báo cáo tổng hợp ý kiến – ${r.conference.title}`, subject: r.conference.draftTitle }, children));
}
