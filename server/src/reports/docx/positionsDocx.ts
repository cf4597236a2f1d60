import { POSITION_OPTION_HEADERS, hiddenNamesLine, positionHeadline, positionOptionRows, unansweredLine, type ConsultationSynthesis } from '@diem-cau/shared';
import type { FileChild } from 'docx';
import { CONTENT_WIDTH, gridTable, para } from './docxKit';

const WIDTHS = [600, 1_400, 3_000, 1_100, CONTENT_WIDTH - 6_100] as const;

/** Under an article: each consultation on it, the options with their counts, the points that chose each and why. */
export function positionsDocx(consultations: readonly ConsultationSynthesis[]): FileChild[] {
  return consultations.flatMap((c) => {
    const notes = [hiddenNamesLine(c), unansweredLine(c)].filter((x): x is string => x !== undefined);
    return [
      para(positionHeadline(c), { indent: true, bold: true, keepNext: true }),
      gridTable([...POSITION_OPTION_HEADERS], WIDTHS, positionOptionRows(c)),
      ...notes.map((note) => para(note, { indent: true, italics: true })),
      para('', { after: 60 }),
    ];
  });
}
