import type { ConferenceState } from '../conference/state';
import type { Consultation } from '../consultation/consultationState';
import { tallyOf, type OptionTally } from '../consultation/consultationTally';
import { formatClock } from './vnTime';

/** One option of a consultation as the synthesis shows it: its text, count, and who chose it and why. */
export interface PositionOption {
  label: string;
  text: string;
  count: number;
  /** `byChair`: the chair recorded this point's answer for it (PO13). */
  points: Array<{ name: string; reason: string; byChair?: true }>;
}

/** A consultation (lấy ý kiến) on an article or clause, under that article in the synthesis. */
export interface ConsultationSynthesis {
  id: string;
  /** "Điều 5" or "khoản 2 Điều 5". */
  where: string;
  /** "Lấy ý kiến về các phương án" or "Lấy ý kiến tán thành". */
  question: string;
  /** "08:30 – 08:35", with how it ended ("hết thời hạn", "khi bế mạc", "đang lấy ý kiến"). */
  when: string;
  options: PositionOption[];
  answered: number;
  consulted: number;
  /** Provincial points that did not answer, in Vietnamese order. */
  unanswered: string[];
  /** The minutes keep the chair's choice to hide which point chose what (PO15): counts only, `points` empty. */
  namesHidden?: true;
}

export const NAMES_HIDDEN_LABEL = 'Không công bố tên điểm cầu';

function whenOf(state: ConferenceState, c: Consultation): string {
  const tz = state.timeZone;
  const from = formatClock(c.openedAt, tz).slice(0, 5);
  if (c.status.kind === 'closed') return `${from} – ${formatClock(c.status.closedAt, tz).slice(0, 5)}${c.status.reason === 'expired' ? ' (hết thời hạn)' : ''}`;
  if (c.closesAt !== undefined && (state.endedAt === undefined || c.closesAt <= state.endedAt)) return `${from} – ${formatClock(c.closesAt, tz).slice(0, 5)} (thời hạn)`;
  if (state.endedAt !== undefined) return `${from} – ${formatClock(state.endedAt, tz).slice(0, 5)} (khi bế mạc)`;
  return `${from} – đang lấy ý kiến`;
}

function pointOf(p: OptionTally['positions'][number]): PositionOption['points'][number] {
  return { name: p.pointName, reason: p.reason, ...(p.recordedBy === 'chair' ? { byChair: true as const } : {}) };
}

/** "Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)" for an answer the chair recorded (PO13). */
export function positionPointName(p: PositionOption['points'][number]): string {
  return p.byChair ? `${p.name} (chủ trì ghi nhận)` : p.name;
}

/** One consultation as the reports tell it. */
export function consultationSynthesis(state: ConferenceState, c: Consultation): ConsultationSynthesis {
  const tally = tallyOf(state, c);
  return {
    id: c.id,
    where: c.clause === undefined ? `Điều ${c.article}` : `khoản ${c.clause} Điều ${c.article}`,
    question: c.kind === 'alternatives' ? 'Lấy ý kiến về các phương án' : 'Lấy ý kiến tán thành',
    when: whenOf(state, c),
    options: tally.options.map((o) => ({ label: o.option.label, text: o.option.text, count: o.count, points: o.positions.map(pointOf) })),
    answered: tally.answered,
    consulted: tally.answered + tally.unanswered.length,
    unanswered: tally.unanswered.map((p) => p.name),
  };
}

/** Every consultation by the article it was on, in the order opened. */
export function consultationsByArticle(state: ConferenceState): Map<number, ConsultationSynthesis[]> {
  const out = new Map<number, ConsultationSynthesis[]>();
  for (const c of state.consultations.list()) out.set(c.article, [...(out.get(c.article) ?? []), consultationSynthesis(state, c)]);
  return out;
}

export const POSITION_TABLE_HEADERS = ['Điều, khoản', 'Hình thức', 'Thời gian', 'Lựa chọn', 'Nội dung', 'Số điểm cầu', 'Điểm cầu', 'Lý do'] as const;

/** One row per point's position (an option nobody chose: one row, count 0), then the points that did not answer. */
export function positionTableRows(consultations: readonly ConsultationSynthesis[]): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const c of consultations) {
    const head = [c.where, c.question, c.when];
    for (const o of c.options) {
      if (c.namesHidden) rows.push([...head, o.label, o.text, o.count, o.count === 0 ? '' : NAMES_HIDDEN_LABEL, '']);
      else if (o.points.length === 0) rows.push([...head, o.label, o.text, 0, '', '']);
      for (const p of o.points) rows.push([...head, o.label, o.text, o.count, positionPointName(p), p.reason]);
    }
    if (c.unanswered.length > 0) rows.push([...head, 'Chưa trả lời', '', c.unanswered.length, c.unanswered.join(', '), '']);
  }
  return rows;
}
