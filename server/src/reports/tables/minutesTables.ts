import {
  ARTICLE_TIME_HEADERS, BUDGET_TABLE_HEADERS, articleTimeRows, budgetTableRows, formatDuration, formatRefs, type CommentEntry, type MinutesEntry, type MinutesReport,
} from '@diem-cau/shared';
import { positionsTable } from './positionsTable';
import { col, type Cell, type ReportTable } from './reportTable';

const spokenRow = (c: CommentEntry): Cell[] => [c.time, `— Ý kiến (${c.kindLabel.toLowerCase()}): ${c.text}`, c.pointName, c.refsLabel, c.speaker === '' ? '' : `Người góp ý: ${c.speaker}`];

/**
 * The timeline as rows with the same facts as the DOCX: every column means one thing (the agenda item's
 * kind goes to the notes, not the point column), a speech's comments follow it, and times say what they are.
 */
function timelineRows(e: MinutesEntry): Cell[][] {
  switch (e.kind) {
    case 'opened':
    case 'closed':
    case 'consultation':
      return [[e.time, e.text, '', '', '']];
    case 'agenda':
      return [[e.time, `Nội dung: ${e.title}`, '', '', e.agendaKindLabel === '' ? '' : `Loại nội dung: ${e.agendaKindLabel}`]];
    case 'denied':
      return [[e.time, `Không mời phát biểu: ${e.speaker}`, e.pointName, '', e.reason.trim() === '' ? 'Không nêu lý do' : `Lý do: ${e.reason.trim()}`]];
    case 'speech': {
      const s = e.speech;
      const span = `Từ ${s.start} đến ${s.end || '…'}, thời lượng ${s.duration}${s.overrun ? `, quá giờ ${s.overrun}` : ''}; ${s.endLabel.toLowerCase()}`;
      const why = s.revokeReason ? `; lý do: ${s.revokeReason}` : '';
      return [[e.time, `Phát biểu: ${s.speaker}${s.position ? `, ${s.position}` : ''}`, s.pointName, s.articlesLabel, span + why], ...s.comments.map(spokenRow)];
    }
    case 'comment': {
      const c = e.comment;
      return [[e.time, `Ý kiến (${c.sourceLabel.toLowerCase()}, ${c.kindLabel.toLowerCase()}): ${c.text}`, c.pointName, c.refsLabel, c.speaker === '' ? '' : `Người góp ý: ${c.speaker}`]];
    }
  }
}

function timelineTable(r: MinutesReport): ReportTable {
  return {
    key: 'timeline', title: 'Diễn biến',
    columns: [col('Thời gian', 10), col('Sự kiện', 60, true), col('Điểm cầu', 26), col('Điều', 20), col('Ghi chú', 24)],
    rows: r.entries.flatMap(timelineRows),
  };
}

function speechesTable(r: MinutesReport): ReportTable {
  return {
    key: 'speeches', title: 'Phát biểu',
    columns: [
      col('STT', 6), col('Đại biểu', 24), col('Chức vụ', 30, true), col('Điểm cầu', 26), col('Nội dung', 20), col('Điều', 20),
      col('Bắt đầu', 10), col('Kết thúc', 10), col('Thời lượng', 11), col('Thời gian cho phép', 11), col('Quá giờ', 9),
      col('Số lần gia hạn', 9), col('Kết thúc do', 22), col('Số ý kiến', 9),
    ],
    rows: r.speeches.map((s) => [
      s.no, s.speaker, s.position, s.pointName, s.agendaTitle ?? '', s.articlesLabel, s.start, s.end, s.duration,
      formatDuration(s.allowedMs), s.overrun, s.extensions, s.endLabel, s.comments.length,
    ]),
  };
}

function commentsTable(r: MinutesReport): ReportTable {
  const rows = r.entries.flatMap((e): Array<{ c: CommentEntry; speech: number | undefined }> =>
    e.kind === 'speech' ? e.speech.comments.map((c) => ({ c, speech: e.speech.no })) : e.kind === 'comment' ? [{ c: e.comment, speech: undefined }] : [],
  );
  return {
    key: 'comments', title: 'Ý kiến',
    columns: [col('STT', 6), col('Thời gian', 10), col('Lượt phát biểu', 10), col('Điểm cầu', 26), col('Người góp ý', 22), col('Điều', 22), col('Loại', 12), col('Hình thức', 10), col('Nội dung', 60, true)],
    rows: rows.map(({ c, speech }, i) => [i + 1, c.time, speech ?? '', c.pointName, c.speaker, formatRefs(c.refs), c.kindLabel, c.sourceLabel, c.text]),
  };
}

function totalsTable(r: MinutesReport): ReportTable {
  const o = r.overall;
  return {
    key: 'points', title: 'Theo điểm cầu',
    columns: [col('STT', 6), col('Điểm cầu', 32), col('Số lượt phát biểu', 12), col('Thời gian phát biểu', 14), col('Quá giờ', 10), col('Số ý kiến', 10)],
    rows: [
      ...r.totals.map((t, i): Cell[] => [i + 1, t.name, t.speeches, t.speaking, t.overrun, t.comments]),
      ['', 'Tổng cộng', o.speeches, o.speaking, '', o.comments],
    ],
  };
}

const BUDGET_WIDTHS = [32, 28, 12, 12, 14, 11, 12, 11, 10] as const;
const ARTICLE_WIDTHS = [32, 10, 40, 12, 11] as const;

/** Only when the conference budgeted speaking time (TB10). */
function budgetsTable(r: MinutesReport): ReportTable[] {
  if (r.budgets.length === 0) return [];
  return [{ key: 'budgets', title: 'Thời gian phân bổ', columns: BUDGET_TABLE_HEADERS.map((h, i) => col(h, BUDGET_WIDTHS[i] ?? 12)), rows: budgetTableRows(r.budgets) }];
}

function articleTimesTable(r: MinutesReport): ReportTable[] {
  if (r.articleTimes.length === 0) return [];
  return [{ key: 'articleTime', title: 'Thời gian theo điều', columns: ARTICLE_TIME_HEADERS.map((h, i) => col(h, ARTICLE_WIDTHS[i] ?? 12, i === 2)), rows: articleTimeRows(r.articleTimes) }];
}

/** The minutes as tables; the timeline is what a CSV download gives by default. */
export function minutesTables(r: MinutesReport): ReportTable[] {
  return [timelineTable(r), speechesTable(r), commentsTable(r), totalsTable(r), ...budgetsTable(r), ...articleTimesTable(r),
    // The consultations (PO15): one row per point's position, or per option where the chair hid the names.
    ...positionsTable(r.consultations, 'Lấy ý kiến')];
}
