import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { PointsImport } from '../api/organiserApi';
import { fakeApi, ok, renderOrganiser } from '../testing/renderOrganiser';
import { mergeImportedPoints, type PointsValue } from './mergePoints';
import { PointsEditor } from './PointsEditor';
import { buildSetup, emptyForm } from './setupForm';
import { vi as messages } from '../i18n/vi';

/** What POST /api/points/parse answers for "Điểm cầu, Đại biểu, Chức vụ" with one row per delegate. */
const IMPORTED: PointsImport = {
  points: [
    { id: 'diem-cau-trung-uong', name: 'Điểm cầu Trung ương', kind: 'central', delegates: [{ id: 'diem-cau-trung-uong-1', name: 'Nguyễn Quang Dương', position: 'Phó Trưởng Ban' }] },
    { id: 'tinh-uy-thai-nguyen', name: 'Tỉnh ủy Thái Nguyên', kind: 'provincial', delegates: [
      { id: 'tinh-uy-thai-nguyen-1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức' },
      { id: 'tinh-uy-thai-nguyen-2', name: 'Mai Thị Thúy Nga', position: 'Phó Chủ tịch HĐND' },
    ] },
    { id: 'tinh-uy-bac-kan', name: 'Tỉnh ủy Bắc Kạn', kind: 'provincial', delegates: [] },
  ],
  warnings: [{ row: 6, message: 'Dòng không có tên điểm cầu: bỏ qua' }],
  stats: { rows: 4, points: 3, delegates: 3 },
};

function Harness({ initial, onValue }: { initial: PointsValue; onValue?: (v: PointsValue) => void }) {
  const [value, setValue] = useState(initial);
  return <PointsEditor value={value} onChange={(v) => { setValue(v); onValue?.(v); }} />;
}

const chooseFile = async (input: HTMLElement) => {
  const file = new File(['Điểm cầu,Đại biểu\n'], 'diem-cau.csv', { type: 'text/csv' });
  await act(async () => fireEvent.change(input, { target: { files: [file] } }));
};
const pointNames = () => screen.getAllByTestId('point-card').map((c) => (within(c).getAllByRole('textbox')[0] as HTMLInputElement).value);

describe('points editor: the CSV / XLSX list', () => {
  it('sends the chosen file to the points import and shows the points, the delegates and the reader’s notes', async () => {
    const parsePoints = jest.fn(() => ok(IMPORTED));
    renderOrganiser(<Harness initial={{ central: { key: 'c', name: 'Trung ương', delegates: [] }, points: [{ key: 'x', id: 'ha-giang', name: 'Tỉnh ủy Hà Giang', delegates: [] }] }} />, { api: fakeApi({ parsePoints }) });
    await chooseFile(screen.getByTestId('points-file'));
    expect(parsePoints).toHaveBeenCalledWith(expect.objectContaining({ name: 'diem-cau.csv' }));
    expect(screen.getByText('Đã nhập 3 điểm cầu, 3 đại biểu.')).toBeTruthy();
    expect(screen.getByText(/Dòng không có tên điểm cầu/).closest('li')?.textContent).toBe('Dòng 6: Dòng không có tên điểm cầu: bỏ qua');
    // Replace (the default): the central point takes the imported name and delegate, the list is the imported one.
    expect(pointNames()).toEqual(['Điểm cầu Trung ương', 'Tỉnh ủy Thái Nguyên', 'Tỉnh ủy Bắc Kạn']);
    expect(screen.getByDisplayValue('Nguyễn Quang Dương')).toBeTruthy();
    expect(screen.getByTestId('points-count').textContent).toBe('2 điểm cầu tỉnh · 3 đại biểu');
    fireEvent.click(screen.getByRole('button', { name: /Đại biểu: 2/ }));
    expect(screen.getByDisplayValue('Mai Thị Thúy Nga')).toBeTruthy();
  });

  it('adds to the list in merge mode: same-named points keep their stored id and get the new delegates once', async () => {
    let last: PointsValue | undefined;
    const initial: PointsValue = {
      central: { key: 'c', id: 'trung-uong', name: 'Điểm cầu Trung ương', delegates: [{ key: 'd0', id: 'tu-1', name: 'Nguyễn Quang Dương', position: '' }] },
      points: [{ key: 'p1', id: 'thai-nguyen', name: 'TỈNH ỦY THÁI NGUYÊN', delegates: [{ key: 'd1', id: 'tn-1', name: 'Dương Xuân Hùng', position: '' }] }, { key: 'p2', id: 'ha-giang', name: 'Tỉnh ủy Hà Giang', delegates: [] }],
    };
    renderOrganiser(<Harness initial={initial} onValue={(v) => (last = v)} />, { api: fakeApi({ parsePoints: () => ok(IMPORTED) }) });
    fireEvent.click(screen.getByLabelText('Bổ sung vào danh sách hiện có'));
    await chooseFile(screen.getByTestId('points-file'));
    expect(pointNames()).toEqual(['Điểm cầu Trung ương', 'Tỉnh ủy Thái Nguyên', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Bắc Kạn']);
    expect(last?.points.map((p) => [p.id, p.delegates.map((d) => d.name)])).toEqual([
      ['thai-nguyen', ['Dương Xuân Hùng', 'Mai Thị Thúy Nga']], ['ha-giang', []], [undefined, []],
    ]);
    expect(last?.central.delegates.map((d) => d.id)).toEqual(['tu-1']);
  });

  it('shows the hub’s refusal of a bad file and changes nothing', async () => {
    const parsePoints = () => Promise.resolve({ ok: false as const, error: { code: 'INVALID', status: 422, reason: 'NO_COLUMNS', message: 'Không thấy dòng tiêu đề có cột “Điểm cầu”' } });
    renderOrganiser(<Harness initial={{ central: { key: 'c', name: 'Trung ương', delegates: [] }, points: [] }} />, { api: fakeApi({ parsePoints }) });
    await chooseFile(screen.getByTestId('points-file'));
    expect(screen.getByRole('alert').textContent).toContain('Không thấy dòng tiêu đề');
    expect(pointNames()).toEqual(['Trung ương']);
  });
});

describe('imported points into the setup', () => {
  it('new points get ids slugged from their names (the server’s rule), made unique when two names fold alike', () => {
    const merged = mergeImportedPoints(emptyForm(), [...IMPORTED.points, { id: 'x', name: 'Tỉnh uỷ Bắc Kạn', kind: 'provincial', delegates: [] }], 'replace');
    const built = buildSetup({ ...emptyForm(), title: 'Hội nghị', ...merged }, messages);
    expect(built.ok && built.setup.points.map((p) => [p.id, p.kind, p.delegates.map((d) => d.id)])).toEqual([
      ['diem-cau-trung-uong', 'central', ['diem-cau-trung-uong-1']],
      ['tinh-uy-thai-nguyen', 'provincial', ['tinh-uy-thai-nguyen-1', 'tinh-uy-thai-nguyen-2']],
      ['tinh-uy-bac-kan', 'provincial', []],
      ['tinh-uy-bac-kan-2', 'provincial', []],
    ]);
  });
});
