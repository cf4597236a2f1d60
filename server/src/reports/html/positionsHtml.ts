import { POSITION_OPTION_HEADERS, positionHeadline, positionOptionRows, unansweredLine, type ConsultationSynthesis } from '@diem-cau/shared';
import { esc, gridTable } from './htmlKit';

/** Under an article: each consultation on it, the options with their counts, the points that chose each and why. */
export function positionsHtml(consultations: readonly ConsultationSynthesis[]): string {
  return consultations.map((c) => {
    const missing = unansweredLine(c);
    return `<div class="positions" data-consultation="${esc(c.id)}"><p class="lead"><b>${esc(positionHeadline(c))}</b></p>${gridTable(POSITION_OPTION_HEADERS, positionOptionRows(c))}${missing ? `<p class="lead note">${esc(missing)}</p>` : ''}</div>`;
  }).join('\n');
}
