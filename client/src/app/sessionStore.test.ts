import { joinCodeFromPath } from './joinPath';
import { forgetSession, openSession, rememberSession, sessionsSnapshot, type StoredSession } from './sessionStore';

const session = (over: Partial<StoredSession>): StoredSession => ({
  token: 't'.repeat(30), role: 'point', conferenceId: 'hn-1', pointId: 'thai-nguyen', label: 'Tỉnh ủy Thái Nguyên', expiresAt: Date.now() + 60_000, ...over,
});

describe('join links and kept sessions', () => {
  beforeEach(() => localStorage.clear());

  it('reads the join code from /join/CODE and nothing else', () => {
    expect(joinCodeFromPath('/join/ABCD-EFGH')).toBe('ABCD-EFGH');
    expect(joinCodeFromPath('/join/ABCD%20EFGH/')).toBe('ABCD EFGH');
    expect(joinCodeFromPath('/')).toBeUndefined();
    expect(joinCodeFromPath('/join/')).toBeUndefined();
  });

  it('keeps one session per seat, opens the latest, and forgets on request', () => {
    rememberSession(session({ token: 'a'.repeat(30) }));
    rememberSession(session({ token: 'b'.repeat(30) }));
    rememberSession(session({ token: 'c'.repeat(30), role: 'secretary', label: 'Thư ký' }));
    const snap = sessionsSnapshot();
    expect(snap.sessions.map((s) => s.token[0])).toEqual(['c', 'b']);
    expect(snap.current?.token[0]).toBe('c');
    openSession('b'.repeat(30));
    expect(sessionsSnapshot().current?.role).toBe('point');
    forgetSession('b'.repeat(30));
    expect(sessionsSnapshot().current).toBeUndefined();
    expect(sessionsSnapshot().sessions).toHaveLength(1);
  });

  it('drops expired sessions', () => {
    rememberSession(session({ expiresAt: Date.now() - 1 }));
    expect(sessionsSnapshot().sessions).toEqual([]);
  });
});
