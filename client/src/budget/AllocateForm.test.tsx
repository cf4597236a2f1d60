import { screen } from '@testing-library/react';
import { LogBuilder } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { AllocateForm } from './AllocateForm';

/** Discussion budgeted by weight (Thái Nguyên 3, Hà Giang 1, Bắc Kạn 2), as budget.allocated stores it. */
const weighted = () =>
  new LogBuilder().add({
    type: 'budget.allocated',
    payload: {
      itemId: 'thao-luan', unit: 'point', split: 'proportional', totalS: 1200, carryOver: false,
      shares: [{ id: 'thai-nguyen', seconds: 600, weight: 3 }, { id: 'ha-giang', seconds: 200, weight: 1 }, { id: 'bac-kan', seconds: 400, weight: 2 }],
    },
  });

describe('the budget form (TB2)', () => {
  it('opens an item budgeted by weight on the weights that were typed, not on 1 each', () => {
    renderConsole(<AllocateForm itemId="thao-luan" />, weighted().state());
    const weight = (name: string) => (screen.getByLabelText(`Hệ số: ${name}`) as HTMLInputElement).value;
    expect([weight('Tỉnh ủy Thái Nguyên'), weight('Tỉnh ủy Hà Giang'), weight('Tỉnh ủy Bắc Kạn')]).toEqual(['3', '1', '2']);
  });
});
