import { NAMES_HIDDEN_LABEL, positionPointName, type ConsultationSynthesis } from './positionsSynthesis';

/** What every format says of one consultation under its article: a heading sentence, a table, who did not answer. */
export const POSITION_OPTION_HEADERS = ['STT', 'Lựa chọn', 'Nội dung', 'Số điểm cầu', 'Điểm cầu và lý do'] as const;

export function positionHeadline(c: ConsultationSynthesis): string {
  return `${c.question} (${c.where}), ${c.when}: ${c.answered}/${c.consulted} điểm cầu trả lời.`;
}

export function positionOptionRows(c: ConsultationSynthesis): Array<Array<string | number>> {
  return c.options.map((o, i) => [
    i + 1, o.label, o.text, o.count,
    c.namesHidden && o.count > 0 ? NAMES_HIDDEN_LABEL : o.points.map((p) => (p.reason ? `${positionPointName(p)} (“${p.reason}”)` : positionPointName(p))).join('; '),
  ]);
}

/** Where the chair hid the names, the minutes say why no point is named (PO15). */
export function hiddenNamesLine(c: ConsultationSynthesis): string | undefined {
  return c.namesHidden ? 'Chủ trì không công bố tên điểm cầu theo từng lựa chọn; chỉ ghi số lượng.' : undefined;
}

export function unansweredLine(c: ConsultationSynthesis): string | undefined {
  return c.unanswered.length === 0 ? undefined : `Chưa trả lời (${c.unanswered.length}): ${c.unanswered.join(', ')}.`;
}
