import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ACTORS, liveWithAlternatives } from '@diem-cau/shared/testing';
import { renderConsole } from '../testing/renderConsole';
import { ConsultationPanel } from './ConsultationPanel';
import { DisplayConsultation } from './DisplayConsultation';
import { ExpiryRecorder } from './ExpiryRecorder';
import { PointConsultation } from './PointConsultation';

/** Điều 2's alternatives put to the points; Hà Giang chose Phương án 2 with a reason. */
function consulted(hideNames = false) {
  const conf = liveWithAlternatives();
  const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2, hideNames });
  if (opened?.type !== 'consultation.opened') throw new Error('not opened');
  const id = opened.payload.consultationId;
  conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'pa2', reason: 'Phù hợp thực tiễn' });
  return { state: conf.state, id };
}

const settle = (fire: () => void) => act(async () => fire());

describe('consultations in the consoles (PO12)', () => {
  it('the chair sees the tally with names, reasons and the points yet to answer, and hides names or closes', async () => {
    const { state, id } = consulted();
    const { transport } = renderConsole(<ConsultationPanel />, state);
    const pa2 = screen.getByTestId('tally-pa2');
    expect(within(pa2).getByTestId('tally-count').textContent).toBe('1');
    expect(within(pa2).getByText(/Tỉnh ủy Hà Giang/).textContent).toBe('Tỉnh ủy Hà Giang — “Phù hợp thực tiễn”');
    expect(screen.getByTestId('tally-unanswered').textContent).toBe('Chưa trả lời: Tỉnh ủy Bắc Kạn, Tỉnh ủy Thái Nguyên');
    await settle(() => fireEvent.click(screen.getByTestId('consult-hide-names')));
    expect(transport.commands.at(-1)).toMatchObject({ type: 'consultation.showNames', consultationId: id, shown: false });
    await settle(() => fireEvent.click(screen.getByTestId('consult-close')));
    expect(transport.commands.at(-1)).toMatchObject({ type: 'consultation.close', consultationId: id });
  });

  it('the display shows names only when the chair has not hidden them', () => {
    renderConsole(<DisplayConsultation />, consulted(true).state, { session: { role: 'display' } });
    expect(within(screen.getByTestId('tally-pa2')).getByTestId('tally-count').textContent).toBe('1');
    expect(screen.queryByText('Tỉnh ủy Hà Giang')).toBeNull();
  });

  it('a point answers with a reason through the outbox: shown waiting while offline, sent once online', async () => {
    const { state, id } = consulted();
    const { transport, connection } = renderConsole(<PointConsultation pointId="thai-nguyen" />, state, { session: { role: 'point', pointId: 'thai-nguyen' } });
    expect(screen.getByText('Giữ ba phó bí thư.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('consult-option-pa1'));
    fireEvent.change(screen.getByTestId('consult-reason'), { target: { value: 'Giữ ổn định' } });
    await settle(() => fireEvent.click(screen.getByTestId('consult-send')));
    expect(connection.outbox.items().map((i) => i.command.type)).toEqual(['consultation.answer']);
    expect(screen.getByTestId('consult-mine').textContent).toBe('Đang chờ gửi: Phương án 1');
    expect(transport.commands).toEqual([]);
    await settle(() => connection.outbox.setOnline(true));
    await waitFor(() => expect(transport.commands.at(-1)).toMatchObject({ type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'pa1', reason: 'Giữ ổn định' }));
  });

  it('the central point is not asked: no answer form', () => {
    renderConsole(<PointConsultation pointId="tw" />, consulted().state, { session: { role: 'point', pointId: 'tw' } });
    expect(screen.queryByTestId('consult-answer')).toBeNull();
  });

  it('PO6: the chair’s console records a consultation whose time ran out (the hub decides it expired at its deadline)', async () => {
    const conf = liveWithAlternatives();
    const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 1, timeLimitS: 60 });
    if (opened?.type !== 'consultation.opened') throw new Error('not opened');
    // The fixture's deadline is long past by this machine's clock.
    const { transport } = renderConsole(<><ExpiryRecorder /><ConsultationPanel /></>, conf.state);
    await waitFor(() => expect(transport.commands).toEqual([expect.objectContaining({ type: 'consultation.close', consultationId: opened.payload.consultationId })]));
    expect(screen.getByTestId('consult-status').textContent).toContain('Hết thời hạn');
  });
});
