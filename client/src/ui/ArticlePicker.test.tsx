import { DEMO_DRAFT_TEXT, parseDraft, type ArticleRef } from '@diem-cau/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { LocaleProvider } from '../i18n/i18n';
import { ArticlePicker } from './ArticlePicker';

const { draft } = parseDraft(DEMO_DRAFT_TEXT, { title: 'Dự thảo' });

function Harness({ onSubmitEmpty, seen }: { onSubmitEmpty?: () => void; seen: (refs: ArticleRef[]) => void }) {
  const [value, setValue] = useState<ArticleRef[]>([]);
  return (
    <LocaleProvider initial="vi">
      <ArticlePicker draft={draft} value={value} onChange={(v) => { setValue(v); seen(v); }} {...(onSubmitEmpty ? { onSubmitEmpty } : {})} />
    </LocaleProvider>
  );
}

function setup(onSubmitEmpty?: () => void) {
  let refs: ArticleRef[] = [];
  render(<Harness seen={(r) => (refs = r)} {...(onSubmitEmpty ? { onSubmitEmpty } : {})} />);
  const input = screen.getByRole('combobox');
  const type = (text: string) => fireEvent.change(input, { target: { value: text } });
  const key = (k: string) => fireEvent.keyDown(input, { key: k });
  return { input, type, key, refs: () => refs };
}

describe('article type-ahead', () => {
  it('"5.2" then Enter takes Điều 5 khoản 2 and clears the field for the next', () => {
    const { input, type, key, refs } = setup();
    type('5.2');
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('Điều 5 khoản 2');
    key('Enter');
    expect(refs()).toEqual([{ article: 5, clause: 2 }]);
    expect((input as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Điều 5 khoản 2')).toBeTruthy();
  });

  it('finds an article by title words typed without diacritics, and ↓ moves the choice', () => {
    const { type, key, refs } = setup();
    type('quan he');
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    key('ArrowDown');
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    key('Enter');
    expect(refs()).toHaveLength(1);
    expect(options[1]?.textContent).toContain(`Điều ${refs()[0]?.article}`);
  });

  it('does not offer an article already chosen, and Backspace on the empty field removes the last', () => {
    const { type, key, refs } = setup();
    type('9');
    key('Enter');
    type('9');
    expect(screen.queryAllByRole('option').map((o) => o.textContent)).not.toContain('Điều 9');
    type('');
    key('Backspace');
    expect(refs()).toEqual([]);
  });

  it('says so when nothing matches, and Enter on an empty field is the form’s own action', () => {
    const submit = jest.fn();
    const { type, key, refs } = setup(submit);
    type('99');
    expect(screen.getByText('Không có điều phù hợp')).toBeTruthy();
    key('Enter');
    expect(refs()).toEqual([]);
    type('');
    key('Enter');
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
