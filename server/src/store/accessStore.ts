import type { Role } from '@diem-cau/shared';

/** A join code opens one role (and, for a point, one bridge point) of one conference. */
export interface JoinCode {
  code: string;
  conferenceId: string;
  role: Role;
  pointId?: string;
  label: string;
  revoked: boolean;
}

export interface Session {
  conferenceId: string;
  role: Role;
  pointId?: string;
  label: string;
  sessionId: string;
  expiresAt: number;
  /** The join code it was opened with: revoking that code ends the session. Absent on sessions from before 0.2. */
  joinCode?: string;
}

/**
 * Join codes and sessions. Join codes are kept readable (like a meeting passcode, the
 * organiser prints them again); session tokens are stored only as their SHA-256 hash.
 */
export interface AccessStore {
  addJoinCodes(codes: readonly JoinCode[]): Promise<void>;
  findJoinCode(code: string): Promise<JoinCode | undefined>;
  listJoinCodes(conferenceId: string): Promise<JoinCode[]>;
  revokeJoinCode(code: string): Promise<boolean>;
  saveSession(tokenHash: string, session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
}
