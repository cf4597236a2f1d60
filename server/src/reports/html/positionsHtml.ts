import { POSITION_OPTION_HEADERS, hiddenNamesLine, positionHeadline, positionOptionRows, unansweredLine, type ConsultationSynthesis } from '@diem-cau/shared';
import { esc, gridTable } from './htmlKit';

/** Under an article: each consultation on it, the options with their counts, the points that chose each and why. */
export function positionsHtml(consultations: readonly ConsultationSynthesis[]): string {
  return consultations.map((c) => {
    const notes = [hiddenNamesLine(c), unansweredLine(c)].filter((x): x is string => x !== undefined).map((note) => `<p class="lead note">${esc(note)}</p>`);
    return `<div class="positions" data-consultation="${esc(c.id)}"><p class="lead"><b>${esc(positionHeadline(c))}</b></p>${gridTable(POSITION_OPTION_HEADERS, positionOptionRows(c))}${notes.join('')}</div>`;
  }).join('\n');
}
