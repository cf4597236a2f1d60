import { findArticle, parseDraft } from '@diem-cau/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { DraftForm } from '../setup/setupForm';
import { renderOrganiser } from '../testing/renderOrganiser';
import { DraftPreview } from './DraftPreview';
import { parseText } from './parseText';

const TEXT = `Điều 1. Phạm vi
Quy định này quy định về tổ chức bộ máy.

Điều 2. Cơ cấu thường trực
1. Thường trực gồm bí thư và các phó bí thư.
`;

let latest: DraftForm | undefined;
function Harness({ initial }: { initial: DraftForm }) {
  const [value, setValue] = useState(initial);
  latest = value;
  return <DraftPreview value={value} onChange={setValue} onAccept={() => undefined} />;
}

describe('the organiser adds and edits alternatives in the draft review (PO12)', () => {
  it('adds two alternatives to a clause: the tree counts them, the source text carries them, parsing it again gives them back', () => {
    renderOrganiser(<Harness initial={parseText(TEXT, 'Dự thảo thử')} />);
    const editor = screen.getByTestId('alt-editor');
    fireEvent.change(within(editor).getByTestId('alt-article'), { target: { value: '2' } });
    fireEvent.change(within(editor).getByTestId('alt-clause'), { target: { value: '1' } });
    fireEvent.click(within(editor).getByTestId('alt-add'));
    fireEvent.change(within(editor).getByTestId('alt-text-1'), { target: { value: 'Giữ ba phó bí thư.' } });
    fireEvent.click(within(editor).getByTestId('alt-add'));
    fireEvent.change(within(editor).getByTestId('alt-text-2'), { target: { value: 'Giảm còn hai phó bí thư.' } });
    fireEvent.click(within(editor).getByTestId('alt-save'));
    expect(screen.getByTestId('tree-alternatives').textContent).toBe('2 phương án');
    const form = latest!;
    expect(form.text).toContain('Phương án 2: Giảm còn hai phó bí thư.');
    expect(findArticle(form.draft, 2)?.article.clauses[0]?.alternatives?.map((a) => a.text)).toEqual(['Giữ ba phó bí thư.', 'Giảm còn hai phó bí thư.']);
    expect(parseDraft(form.text).draft.articles).toEqual(form.draft.articles);
  });

  it('refuses whole-article alternatives on an article with clauses (read again they would swallow them) and offers the clause instead', () => {
    renderOrganiser(<Harness initial={parseText(TEXT, 'Dự thảo thử')} />);
    const editor = screen.getByTestId('alt-editor');
    fireEvent.change(within(editor).getByTestId('alt-article'), { target: { value: '2' } });
    fireEvent.click(within(editor).getByTestId('alt-add'));
    fireEvent.change(within(editor).getByTestId('alt-text-1'), { target: { value: 'Giữ ba phó bí thư.' } });
    expect(within(editor).getByRole('alert').textContent).toBe('Điều 2 có 1 khoản: phương án của cả điều sẽ thay cho toàn bộ các khoản. Hãy chọn phương án của từng khoản.');
    expect((within(editor).getByTestId('alt-save') as HTMLButtonElement).disabled).toBe(true);
    // Điều 1 has no clause: its whole-article alternatives are fine.
    fireEvent.change(within(editor).getByTestId('alt-article'), { target: { value: '1' } });
    fireEvent.click(within(editor).getByTestId('alt-add'));
    fireEvent.change(within(editor).getByTestId('alt-text-1'), { target: { value: 'Áp dụng cho cấp tỉnh.' } });
    expect(within(editor).queryByRole('alert')).toBeNull();
    expect((within(editor).getByTestId('alt-save') as HTMLButtonElement).disabled).toBe(false);
  });
});
