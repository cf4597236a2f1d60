import { positionPointName, type ConsultationSynthesis } from './positionsSynthesis';

/** What every format says of one consultation under its article: a heading sentence, a table, who did not answer. */
export const POSITION_OPTION_HEADERS = ['STT', 'Lựa chọn', 'Nội dung', 'Số điểm cầu', 'Điểm cầu và lý do'] as const;

export function positionHeadline(c: ConsultationSynthesis): string {
  return `${c.question} (${c.where}), ${c.when}: ${c.answered}/${c.consulted} điểm cầu trả lời.`;
}

export function positionOptionRows(c: ConsultationSynthesis): Array<Array<string | number>> {
  return c.options.map((o, i) => [
    i + 1, o.label, o.text, o.count,
    o.points.map((p) => (p.reason ? `${positionPointName(p)} (“${p.reason}”)` : positionPointName(p))).join('; '),
  ]);
}

export function unansweredLine(c: ConsultationSynthesis): string | undefined {
  return c.unanswered.length === 0 ? undefined : `Chưa trả lời (${c.unanswered.length}): ${c.unanswered.join(', ')}.`;
}
