import type { ConsultationKind } from './consultationCommands';
import type { CloseReason, ConsultationOption } from './consultationEvents';

export type ConsultationStatus = { kind: 'open' } | { kind: 'closed'; closedAt: number; reason: CloseReason };

/** A consultation (lấy ý kiến) on an article or clause; keyed by the id of the command that opened it. */
export interface Consultation {
  id: string;
  kind: ConsultationKind;
  article: number;
  clause?: number;
  options: ConsultationOption[];
  openedAt: number;
  closesAt?: number;
  hideNames: boolean;
  status: ConsultationStatus;
}

/** A point's answer to one consultation; keyed by `positionKey`. */
export interface Position {
  id: string;
  consultationId: string;
  pointId: string;
  optionId: string;
  reason: string;
  answeredAt: number;
  /** How many times the point changed its answer. */
  changes: number;
  /** 'chair' when the chair recorded this answer for the point (PO13). */
  recordedBy?: 'chair';
}

/** Consultation ids are uuids (no ':'), so the key names one point's answer to one consultation. */
export function positionKey(consultationId: string, pointId: string): string {
  return `${consultationId}:${pointId}`;
}
