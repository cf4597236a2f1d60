import { act, fireEvent, screen, within } from '@testing-library/react';
import { alignDrafts, type DomainEvent } from '@diem-cau/shared';
import { RENUMBERED, REVISED_DRAFT } from '@diem-cau/shared/testing';
import { LogBuilder } from '../../testing/fixtures';
import { renderConsole } from '../../testing/renderConsole';
import { Responses } from '../conference/Responses';
import { fakeApi, ok, renderOrganiser } from '../testing/renderOrganiser';
import { RevisionTab } from './RevisionTab';

const ended = new LogBuilder()
  .add({ type: 'conference.started', payload: {} })
  .add({ type: 'comment.logged', payload: { commentId: 'c1', articles: [{ article: 1, clause: 2 }], kind: 'amend', text: 'Sửa khoản 2', source: 'written', pointId: 'thai-nguyen' } } as DomainEvent)
  .add({ type: 'conference.ended', payload: {} })
  .state();

const row = (unit: string) => screen.getAllByTestId('mapping-row').find((r) => r.getAttribute('data-unit') === unit)!;

describe('DA12 (workspace): the revised draft side by side', () => {
  it('DA12: shows the proposal beside the first draft, flags a weak link "cần kiểm tra", and confirms the corrected mapping', async () => {
    const weak = { ...RENUMBERED, articles: RENUMBERED.articles.map((g) => (g.before[0] === 2 ? { ...g, confidence: 0.4 } : g)) };
    const confirmRevision = jest.fn(() => ok({ seq: 9 }));
    const api = fakeApi({ proposeRevision: () => ok({ draft: REVISED_DRAFT, alignment: weak, warnings: [], text: '', stats: { parts: 0, chapters: 2, sections: 0, articles: 4 } }), confirmRevision });
    renderOrganiser(<RevisionTab state={ended} />, { api });
    // The picker is a button-like label in the page's language, not the browser's own "Choose File".
    const picker = screen.getByLabelText(/Tải lên dự thảo lần 2/);
    expect(picker).toBe(screen.getByTestId('revision-file'));
    await act(async () => fireEvent.change(picker, { target: { files: [new File(['x'], 'lan-2.txt')] } }));
    expect(screen.getByTestId('revision-file-name').textContent).toBe('lan-2.txt');
    expect(within(row('2')).getByTestId('mapping-review').textContent).toBe('cần kiểm tra');
    expect(within(row('1')).queryByTestId('mapping-review')).toBeNull();
    expect(screen.getByTestId('revision-new').textContent).toContain('Điều 1. Mục đích ban hành');
    // Điều 2 (lần 1) is corrected to be deleted: Điều 3 of the revision becomes new.
    fireEvent.change(within(row('2')).getByRole('combobox', { name: 'Điều 2. Giải thích từ ngữ (lần 1) chuyển tới' }), { target: { value: '' } });
    expect(within(row('2')).queryByTestId('mapping-review')).toBeNull();
    expect(within(row('2')).getByText('bỏ')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('revision-confirm')));
    const [, , alignment] = confirmRevision.mock.calls[0] as unknown as [string, unknown, typeof RENUMBERED];
    expect(alignment.articles.map((g) => `${g.kind}:${g.before.join('+')}→${g.after.join('+')}`)).toEqual(['moved:1→2', 'deleted:2→', 'moved:3→4', 'new:→1', 'new:→3']);
  });

  it('DA12: several old articles sent to several new ones cannot be confirmed', async () => {
    const api = fakeApi({ proposeRevision: () => ok({ draft: REVISED_DRAFT, alignment: alignDrafts(ended.draft, REVISED_DRAFT), warnings: [], text: '', stats: { parts: 0, chapters: 2, sections: 0, articles: 4 } }) });
    renderOrganiser(<RevisionTab state={ended} />, { api });
    await act(async () => fireEvent.change(screen.getByTestId('revision-file'), { target: { files: [new File(['x'], 'lan-2.txt')] } }));
    fireEvent.click(within(row('1')).getByRole('button', { name: /Tách thêm/ }));
    fireEvent.change(within(row('1')).getAllByRole('combobox')[1]!, { target: { value: '3' } });
    expect(screen.getByRole('alert').textContent).toContain('Điều 1');
    expect((screen.getByTestId('revision-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('DA17 (workspace): the confirmed mapping is seen and amended', () => {
  const confirmed = new LogBuilder()
    .add({ type: 'conference.started', payload: {} })
    .add({ type: 'conference.ended', payload: {} })
    .add({ type: 'draft.revisionConfirmed', payload: { draft: REVISED_DRAFT, alignment: RENUMBERED } } as DomainEvent)
    .state();

  it('DA17: opens on the confirmed mapping, not an empty upload form; a correction is confirmed again, an untouched mapping is not sent', async () => {
    const confirmRevision = jest.fn(() => ok({ seq: 9 }));
    renderOrganiser(<RevisionTab state={confirmed} />, { api: fakeApi({ confirmRevision }) });
    expect(screen.getByTestId('revision-confirmed').textContent).toContain('Đã xác nhận dự thảo lần 2: “Dự thảo quy định (lần 2)”');
    expect(screen.getByTestId('mapping').getAttribute('data-state')).toBe('confirmed');
    const goesTo = (unit: string, label: string) => within(row(unit)).getByRole('combobox', { name: `${label} (lần 1) chuyển tới` }) as HTMLSelectElement;
    expect([goesTo('1', 'Điều 1. Phạm vi điều chỉnh').value, goesTo('2', 'Điều 2. Giải thích từ ngữ').value, goesTo('3', 'Điều 3. Nhiệm vụ, quyền hạn').value]).toEqual(['2', '3', '4']);
    expect(screen.queryByTestId('mapping-review')).toBeNull();
    // Renumbered word for word: no "sửa nội dung" beside any of them.
    expect(screen.queryByTestId('mapping-reworded')).toBeNull();
    const button = screen.getByTestId('revision-confirm') as HTMLButtonElement;
    expect([button.textContent, button.disabled]).toEqual(['Xác nhận lại đối chiếu', true]);

    fireEvent.change(goesTo('2', 'Điều 2. Giải thích từ ngữ'), { target: { value: '' } });
    expect(within(row('2')).getByText('đã sửa')).toBeTruthy();
    expect(screen.getByTestId('revision-new').textContent).toContain('Điều 3. Giải thích từ ngữ');
    expect(button.disabled).toBe(false);
    await act(async () => fireEvent.click(button));
    const [, draft, alignment] = confirmRevision.mock.calls[0] as unknown as [string, typeof REVISED_DRAFT, typeof RENUMBERED];
    expect(draft).toEqual(REVISED_DRAFT);
    expect(alignment.articles.map((g) => `${g.kind}:${g.before.join('+')}→${g.after.join('+')}`)).toEqual(['moved:1→2', 'deleted:2→', 'moved:3→4', 'new:→1', 'new:→3']);
  });

  it('DA18: a unit whose words changed under its new number says "sửa nội dung" beside its kind', () => {
    const reworded = { ...RENUMBERED, articles: RENUMBERED.articles.map((g) => (g.before[0] === 1 ? { ...g, changed: true } : g)) };
    const state = new LogBuilder()
      .add({ type: 'conference.started', payload: {} })
      .add({ type: 'draft.revisionConfirmed', payload: { draft: REVISED_DRAFT, alignment: reworded } } as DomainEvent)
      .state();
    renderOrganiser(<RevisionTab state={state} />, { api: fakeApi({}) });
    expect(within(row('1')).getByTestId('mapping-reworded').textContent).toBe('sửa nội dung');
    expect(within(row('2')).queryByTestId('mapping-reworded')).toBeNull();
  });

  it('DA17: the corrections can be discarded, back to the confirmed mapping', () => {
    renderOrganiser(<RevisionTab state={confirmed} />, { api: fakeApi({}) });
    const select = () => within(row('2')).getAllByRole('combobox')[0] as HTMLSelectElement;
    fireEvent.change(select(), { target: { value: '' } });
    expect(select().value).toBe('');
    fireEvent.click(screen.getByTestId('revision-discard'));
    expect(select().value).toBe('3');
    expect(within(row('2')).queryByText('đã sửa')).toBeNull();
  });
});

describe('DA14 (workspace): a comment shows where its article went', () => {
  it('DA14: the responses list the old → new place and the form can name it', () => {
    const revised = new LogBuilder()
      .add({ type: 'conference.started', payload: {} })
      .add({ type: 'comment.logged', payload: { commentId: 'c1', articles: [{ article: 1, clause: 2 }], kind: 'amend', text: 'Sửa khoản 2', source: 'written', pointId: 'thai-nguyen' } } as DomainEvent)
      .add({ type: 'draft.revisionConfirmed', payload: { draft: REVISED_DRAFT, alignment: RENUMBERED } } as DomainEvent)
      .state();
    renderConsole(<Responses state={revised} />, revised, { session: { role: 'organiser' } });
    expect(screen.getByTestId('response-followed').textContent).toBe('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
    fireEvent.click(screen.getByTestId('response-name-place'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('(nay là Điều 2 khoản 2, dự thảo lần 2)');
  });
});
