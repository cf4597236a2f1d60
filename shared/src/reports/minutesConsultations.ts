import type { ConferenceState } from '../conference/state';
import type { Consultation } from '../consultation/consultationState';
import { tallyOf } from '../consultation/consultationTally';
import { consultationSynthesis, type ConsultationSynthesis } from './positionsSynthesis';

/**
 * The consultations as the minutes (biên bản) record them (PO15), in the order they were opened: the synthesis's
 * account of each, except that a consultation whose names the chair hid keeps only its counts.
 */
export function minutesConsultations(state: ConferenceState): ConsultationSynthesis[] {
  return state.consultations.list().map((c) => {
    const told = consultationSynthesis(state, c);
    return c.hideNames ? { ...told, namesHidden: true, options: told.options.map((o) => ({ ...o, points: [] })) } : told;
  });
}

const whereOf = (c: Consultation) => (c.clause === undefined ? `Điều ${c.article}` : `khoản ${c.clause} Điều ${c.article}`);

/** The timeline's line when a consultation opens: "Lấy ý kiến các điểm cầu về các phương án của Điều 2, thời hạn 5 phút". */
export function consultationOpenedText(c: Consultation): string {
  const about = c.kind === 'alternatives' ? `về các phương án của ${whereOf(c)}` : `về ${whereOf(c)} (tán thành hay không)`;
  const limitS = c.closesAt === undefined ? 0 : Math.round((c.closesAt - c.openedAt) / 1000);
  const limit = limitS === 0 ? '' : `, thời hạn ${limitS % 60 === 0 ? `${limitS / 60} phút` : `${limitS} giây`}`;
  return `Lấy ý kiến các điểm cầu ${about}${limit}`;
}

/** The timeline's line when it closes, with its final count: "Kết thúc lấy ý kiến về Điều 2: Phương án 1: 0, Phương án 2: 2 (2/3 điểm cầu trả lời)". */
export function consultationClosedText(state: ConferenceState, c: Consultation): string {
  const tally = tallyOf(state, c);
  const how = c.status.kind === 'closed' && c.status.reason === 'expired' ? 'Hết thời hạn lấy ý kiến' : 'Kết thúc lấy ý kiến';
  const counts = tally.options.map((o) => `${o.option.label}: ${o.count}`).join(', ');
  return `${how} về ${whereOf(c)}: ${counts} (${tally.answered}/${tally.answered + tally.unanswered.length} điểm cầu trả lời)`;
}

const SECTION_NUMBERS = ['IV', 'V', 'VI'] as const;

/** The minutes' section on consultations comes after sections I–III and whichever time sections there are. */
export function consultationsSectionTitle(r: { budgets: readonly unknown[]; articleTimes: readonly unknown[] }): string {
  const before = (r.budgets.length > 0 ? 1 : 0) + (r.articleTimes.length > 0 ? 1 : 0);
  return `${SECTION_NUMBERS[before] ?? 'VI'}. LẤY Ý KIẾN CÁC ĐIỂM CẦU`;
}
