import { FixtureConference } from '@diem-cau/shared/testing';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { deviceName, rememberDeviceName } from '../app/sessionName';
import { rememberSession, sessionsSnapshot, type StoredSession } from '../app/sessionStore';
import { renderConsole } from '../testing/renderConsole';
import { SecretaryName } from './SecretaryName';

const SESSION: StoredSession = { token: 's'.repeat(30), role: 'secretary', conferenceId: 'hn-test', label: 'Thư ký', expiresAt: Date.now() + 3_600_000 };

/** jsdom has no fetch: a stand-in hub for the one request the component makes. */
function fakeHub(status = 200) {
  const bodies: unknown[] = [];
  const fetchMock = jest.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { name: string };
    bodies.push({ auth: (init.headers as Record<string, string>).authorization, ...body });
    return { ok: status < 400, status, json: async () => ({ name: body.name }) } as Response;
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { bodies, restore: () => Reflect.deleteProperty(globalThis, 'fetch') };
}

describe('a secretary names the session (C12)', () => {
  beforeEach(() => {
    localStorage.clear();
    rememberSession(SESSION);
  });

  it('C12: asks once after joining; the name goes to the hub in a header-authenticated request, is kept on the device and with the session', async () => {
    const hub = fakeHub();
    renderConsole(<SecretaryName />, new FixtureConference().state, { session: SESSION });
    const dialog = screen.getByRole('dialog', { name: 'Anh/chị là ai?' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Họ và tên' }), { target: { value: '  Nguyễn Thị Lan ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lưu tên' }));
    });
    expect(hub.bodies).toEqual([{ auth: `Bearer ${SESSION.token}`, name: 'Nguyễn Thị Lan' }]);
    expect(dialog.isConnected).toBe(false);
    expect(deviceName()).toBe('Nguyễn Thị Lan');
    expect(sessionsSnapshot().current?.name).toBe('Nguyễn Thị Lan');
    hub.restore();
  });

  it('C12: a name this device remembers is sent by itself, without asking', async () => {
    rememberDeviceName('Trần Văn Minh');
    const hub = fakeHub();
    renderConsole(<SecretaryName />, new FixtureConference().state, { session: SESSION });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(sessionsSnapshot().current?.name).toBe('Trần Văn Minh'));
    expect(hub.bodies).toEqual([{ auth: `Bearer ${SESSION.token}`, name: 'Trần Văn Minh' }]);
    hub.restore();
  });

  it('C12: a named session shows the name and may change it; a refusal is said in words', async () => {
    const hub = fakeHub(401);
    renderConsole(<SecretaryName />, new FixtureConference().state, { session: { ...SESSION, name: 'Nguyễn Thị Lan' } });
    expect(screen.getByTestId('my-name-value').textContent).toBe('Nguyễn Thị Lan');
    fireEvent.click(screen.getByRole('button', { name: 'Đổi tên' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lưu tên' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Máy chủ từ chối: phiên làm việc đã hết hạn hoặc bị thu hồi.');
    hub.restore();
  });
});
