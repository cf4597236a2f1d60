import { formatDuration, type CommentEntry, type MinutesEntry, type MinutesSpeech } from '@diem-cau/shared';
import { ExternalHyperlink, TextRun, type FileChild, type Paragraph } from 'docx';
import { para, run, SIZE } from './docxKit';

function speechFacts(s: MinutesSpeech): string {
  const facts = [`thời lượng ${s.duration}/${formatDuration(s.allowedMs)} cho phép`];
  if (s.overrun !== '') facts.push(`quá giờ ${s.overrun}`);
  if (s.extensions > 0) facts.push(`gia hạn ${s.extensions} lần (${s.extendedS} giây)`);
  if (s.pausedMs >= 1000) facts.push(`tạm dừng ${formatDuration(s.pausedMs)}`);
  facts.push(s.revokeReason ? `${s.endLabel}: ${s.revokeReason}` : s.endLabel);
  return facts.join('; ');
}

function speechParagraph(s: MinutesSpeech): Paragraph {
  const when = s.end === '' ? `Từ ${s.start}. ` : `${s.start} – ${s.end}. `;
  const who = [s.position, s.pointName].filter((x) => x !== '').join(', ');
  const about = s.articlesLabel === '' ? (s.topic === '' ? '' : ` về ${s.topic}`) : ` về ${s.articlesLabel}${s.topic === '' ? '' : ` (${s.topic})`}`;
  return para([
    run(when, { bold: true }), run(`Đồng chí ${s.speaker}`, { bold: true }), run(`, ${who} phát biểu${about} `),
    run(`(${speechFacts(s)}).`, { italics: true }),
    ...(s.recordingUrl ? [run(' '), new ExternalHyperlink({ link: s.recordingUrl, children: [new TextRun({ text: 'Nghe lại bản ghi hình', style: 'Hyperlink', italics: true })] })] : []),
  ], { indent: true, keepNext: s.comments.length > 0 });
}

function commentLine(c: CommentEntry): Paragraph {
  const where = c.refsLabel === '' ? '' : `, ${c.refsLabel}`;
  return para([run(`– ${c.kindLabel}${where}: `, { bold: true, size: SIZE.table }), run(c.text, { size: SIZE.table }), run(` (${c.time})`, { italics: true, size: SIZE.note })], { indent: true, after: 60 });
}

function writtenParagraph(c: CommentEntry): Paragraph {
  const from = c.speaker === '' ? c.pointName : `${c.speaker} (${c.pointName})`;
  const kind = c.refsLabel === '' ? c.kindLabel : `${c.kindLabel}, ${c.refsLabel}`;
  return para([run(`${c.time}. `, { bold: true }), run(`Ý kiến ${c.sourceLabel === 'Văn bản' ? 'bằng văn bản' : 'ghi nhận'} của ${from} `), run(`(${kind})`, { italics: true }), run(`: ${c.text}`)], { indent: true });
}

/** Section I of the minutes: what happened, in log order. */
export function timelineParagraphs(entries: readonly MinutesEntry[]): FileChild[] {
  return entries.flatMap((e): FileChild[] => {
    switch (e.kind) {
      case 'opened':
      case 'closed':
      case 'denied':
      case 'consultation':
        return [para([run(`${e.time}. `, { bold: true }), run(`${e.text}.`)], { indent: true })];
      case 'agenda':
        return [para([run(`${e.time}. `, { bold: true }), run(`Chuyển sang nội dung: ${e.title}`, { bold: true, italics: true })], { indent: true, keepNext: true, before: 120 })];
      case 'speech':
        return [speechParagraph(e.speech), ...e.speech.comments.map(commentLine)];
      case 'comment':
        return [writtenParagraph(e.comment)];
    }
  });
}
