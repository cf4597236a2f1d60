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
  /** The name the person gave the session (C12: several secretaries on one code); stamped as the actor's label. */
  name?: string;
  sessionId: string;
  expiresAt: number;
  /** The join code it was opened with: revoking that code ends the session. Absent on sessions from before 0.2. */
  joinCode?: string;
}

/** A report download waiting for its single use (Q41): what to render, for which conference, until when. */
export interface ReportLink {
  conferenceId: string;
  /** "synthesis.docx", "minutes.html", … */
  file: string;
  /** The header and view options the console asked for (view, style, issuer, issuerParent, place). */
  options: Record<string, string>;
  expiresAt: number;
}

/**
 * Join codes, sessions and pending report links. Join codes are kept readable (like a meeting passcode, the
 * organiser prints them again); session tokens and report-link ids are stored only as their SHA-256 hash.
 */
export interface AccessStore {
  addJoinCodes(codes: readonly JoinCode[]): Promise<void>;
  findJoinCode(code: string): Promise<JoinCode | undefined>;
  listJoinCodes(conferenceId: string): Promise<JoinCode[]>;
  revokeJoinCode(code: string): Promise<boolean>;
  saveSession(tokenHash: string, session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
  /** Deletes sessions that expired before `sessionsBefore` and report links before `linksBefore` (Q39); returns how many sessions went. */
  deleteExpired(sessionsBefore: number, linksBefore: number): Promise<number>;
  saveReportLink(idHash: string, link: ReportLink): Promise<void>;
  /** Returns the link and deletes it in one step, so two requests racing for it get it once. */
  takeReportLink(idHash: string): Promise<ReportLink | undefined>;
}
