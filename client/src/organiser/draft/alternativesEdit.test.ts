import { findArticle, parseDraft, renderDraftText } from '@diem-cau/shared';
import { ALTERNATIVES_SETUP } from '@diem-cau/shared/testing';
import { DraftSchema } from '@diem-cau/shared';
import { withAlternatives } from './alternativesEdit';

const draft = DraftSchema.parse(ALTERNATIVES_SETUP.draft);

describe('editing alternatives in the organiser workspace (PO12)', () => {
  it('replaces an article’s alternatives, dropping empty ones and numbering the rest 1, 2, 3; the text reads back to the same tree', () => {
    const next = withAlternatives(draft, 3, 0, ['  Giao cho tỉnh ủy. ', '', 'Giao cho ban thường vụ.']);
    expect(findArticle(next, 3)?.article.alternatives).toEqual([{ number: 1, text: 'Giao cho tỉnh ủy.' }, { number: 2, text: 'Giao cho ban thường vụ.' }]);
    expect(parseDraft(renderDraftText(next)).draft.chapters).toEqual(next.chapters);
  });

  it('edits a clause’s alternatives and removes all of them when every text is empty', () => {
    const next = withAlternatives(draft, 1, 2, ['Nhiệm kỳ 5 năm.', 'Nhiệm kỳ 4 năm.']);
    expect(findArticle(next, 1)?.article.clauses[1]?.alternatives?.map((a) => a.text)).toEqual(['Nhiệm kỳ 5 năm.', 'Nhiệm kỳ 4 năm.']);
    expect(findArticle(withAlternatives(draft, 2, 0, ['', ' ']), 2)?.article.alternatives).toBeUndefined();
  });
});
