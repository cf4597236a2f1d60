import { findArticle, parseDraft, renderDraftText } from '@diem-cau/shared';
import { ALTERNATIVES_SETUP } from '@diem-cau/shared/testing';
import { DraftSchema } from '@diem-cau/shared';
import { clausesSwallowed, withAlternatives } from './alternativesEdit';

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

  it('whole-article alternatives on an article with clauses would swallow its clauses when the text is read again, so they are counted to be refused', () => {
    const withClauses = withAlternatives(draft, 1, 0, ['Phương án gọn.', 'Phương án đầy đủ.']);
    const reread = findArticle(parseDraft(renderDraftText(withClauses)).draft, 1)?.article;
    // What the guard prevents: the clauses become the second alternative's text (their own alternatives read as the article's).
    expect([reread?.clauses.length, reread?.alternatives?.[1]?.text]).toEqual([0, 'Phương án đầy đủ.\n1. a\n2. Nhiệm kỳ của ban chấp hành']);
    expect([clausesSwallowed(draft, 1, 0), clausesSwallowed(draft, 1, 2), clausesSwallowed(draft, 2, 0)]).toEqual([2, 0, 0]);
  });
});
