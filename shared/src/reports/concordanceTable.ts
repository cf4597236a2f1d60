import type { SynthesisRevision } from './synthesisNumbering';

/** The concordance table's columns (bảng đối chiếu), the same in every format. */
export const CONCORDANCE_HEADERS = ['STT', 'Dự thảo lần 1', 'Dự thảo lần 2', 'Thay đổi', 'Tên điều'] as const;

export function concordanceTableRows(revision: SynthesisRevision): Array<Array<string | number>> {
  return revision.concordance.map((r, i) => [i + 1, r.before, r.after, r.changed && (r.kind === 'same' || r.kind === 'moved') ? `${r.kindLabel}, sửa nội dung` : r.kindLabel, r.title]);
}

/** The line under a synthesis's title saying which numbering it uses. */
export function numberingSentence(revision: SynthesisRevision): string {
  return `Số điều, khoản trong báo cáo theo ${revision.draftName}${revision.numbering === 'revised' ? ` (${revision.revisedTitle})` : ''}; bảng đối chiếu ở cuối báo cáo.`;
}
