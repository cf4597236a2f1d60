import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ACTORS, liveWithAlternatives } from '@diem-cau/shared/testing';
import { renderConsole } from '../testing/renderConsole';
import { ConsultationPanel } from './ConsultationPanel';
import { DisplayConsultation } from './DisplayConsultation';
import { ServerClock } from '../net/clockSync';
import { EXPIRY_RECORD_GRACE_MS, ExpiryRecorder } from './ExpiryRecorder';
import { PointConsultation } from './PointConsultation';

/** Điều 2's alternatives put to the points; Hà Giang chose Phương án 2 with a reason. */
function consultedConf(hideNames = false) {
  const conf = liveWithAlternatives();
  const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2, hideNames });
  if (opened?.type !== 'consultation.opened') throw new Error('not opened');
  const id = opened.payload.consultationId;
  conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'pa2', reason: 'Phù hợp thực tiễn' });
  return { conf, id };
}

function consulted(hideNames = false) {
  const { conf, id } = consultedConf(hideNames);
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

  it('PO13: the chair records a point’s answer for it: points in Vietnamese order, the first yet to answer chosen, the reason sent along', async () => {
    const { state, id } = consulted();
    const { transport } = renderConsole(<ConsultationPanel />, state);
    await settle(() => fireEvent.click(screen.getByTestId('consult-record')));
    const select = screen.getByTestId('consult-record-point') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Tỉnh ủy Bắc Kạn — chưa trả lời', 'Tỉnh ủy Hà Giang — Phương án 2', 'Tỉnh ủy Thái Nguyên — chưa trả lời',
    ]);
    expect(select.value).toBe('bac-kan');
    expect((screen.getByTestId('consult-record-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('consult-record-pa1'));
    fireEvent.change(screen.getByTestId('consult-record-reason'), { target: { value: 'Báo qua điện thoại' } });
    await settle(() => fireEvent.click(screen.getByTestId('consult-record-submit')));
    expect(transport.commands.at(-1)).toMatchObject({ type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1', reason: 'Báo qua điện thoại' });
    expect(screen.queryByTestId('consult-record-form')).toBeNull();
    expect(screen.getByTestId('consult-recorded').textContent).toBe('Đã ghi nhận thay Tỉnh ủy Bắc Kạn: Phương án 1');
  });

  it('PO13: the tally marks an answer the chair recorded, on the chair’s console and the display', () => {
    const { conf, id } = consultedConf();
    conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1', reason: 'Báo qua điện thoại' });
    renderConsole(<DisplayConsultation />, conf.state, { session: { role: 'display' } });
    expect(within(screen.getByTestId('tally-pa1')).getByRole('listitem').textContent).toBe('Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)');
    expect(within(screen.getByTestId('tally-pa2')).getByRole('listitem').textContent).toBe('Tỉnh ủy Hà Giang');
  });

  it('PO14: once closed, a point sees the final tally with names and its own answer, marked when the chair recorded it', () => {
    const { conf, id } = consultedConf();
    conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1' });
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id });
    renderConsole(<PointConsultation pointId="bac-kan" />, conf.state, { session: { role: 'point', pointId: 'bac-kan' } });
    expect(screen.queryByTestId('consult-answer')).toBeNull();
    expect(screen.getByTestId('consult-result-status').textContent).toBe('Đã kết thúc');
    expect(screen.getByTestId('consult-result-mine').textContent).toBe('Ý kiến của điểm cầu (chủ trì ghi nhận): Phương án 1');
    expect(within(screen.getByTestId('tally-pa2')).getByRole('listitem').textContent).toBe('Tỉnh ủy Hà Giang');
    expect(screen.queryByText(/Phù hợp thực tiễn/)).toBeNull();
    expect(screen.getByTestId('tally-unanswered').textContent).toBe('Chưa trả lời: Tỉnh ủy Thái Nguyên');
    expect(within(screen.getByTestId('tally-pa2')).getByText(/Giảm còn hai phó bí thư/).textContent).toBe(' — Giảm còn hai phó bí thư.');
    fireEvent.click(screen.getByTestId('consult-result-dismiss'));
    expect(screen.queryByTestId('consult-result')).toBeNull();
  });

  it('PO14: with names hidden, a point’s result has only the counts; a point that did not answer is told so', () => {
    const { conf, id } = consultedConf(true);
    conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id });
    renderConsole(<PointConsultation pointId="thai-nguyen" />, conf.state, { session: { role: 'point', pointId: 'thai-nguyen' } });
    expect(within(screen.getByTestId('tally-pa2')).getByTestId('tally-count').textContent).toBe('1');
    expect(screen.queryByText('Tỉnh ủy Hà Giang')).toBeNull();
    expect(screen.getByTestId('consult-result-mine').textContent).toBe('Điểm cầu không trả lời lần lấy ý kiến này.');
  });

  it('PO14: while it is open, a point sees its form and no tally', () => {
    renderConsole(<PointConsultation pointId="thai-nguyen" />, consulted().state, { session: { role: 'point', pointId: 'thai-nguyen' } });
    expect(screen.getByTestId('consult-answer')).toBeTruthy();
    expect(screen.queryByTestId('consult-result')).toBeNull();
    expect(screen.queryByTestId('tally')).toBeNull();
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

  it('PO6: the chair’s console records the expiry a second past the deadline, so a console clock a little ahead of the hub’s never closes it early as the chair', async () => {
    const conf = liveWithAlternatives();
    const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'approval', article: 1, timeLimitS: 60 });
    if (opened?.type !== 'consultation.opened') throw new Error('not opened');
    const closesAt = conf.state.consultations.get(opened.payload.consultationId)?.closesAt ?? 0;
    let local = closesAt + 500;
    const { transport } = renderConsole(<><ExpiryRecorder /><ConsultationPanel /></>, conf.state, { clock: new ServerClock(() => local) });
    // Past the deadline by this console's clock: the form is closed, but nothing is sent yet.
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(screen.getByTestId('consult-status').textContent).toContain('Hết thời hạn');
    expect(transport.commands).toEqual([]);
    local = closesAt + EXPIRY_RECORD_GRACE_MS;
    await waitFor(() => expect(transport.commands).toEqual([expect.objectContaining({ type: 'consultation.close', consultationId: opened.payload.consultationId })]));
  });
});
