import { z } from 'zod';
import { BudgetAllocated, BudgetCleared, BudgetGroupsDefined, BudgetTimeAdded } from '../budget/budgetEvents';
import { CommentEdited, CommentLogged, CommentMerged, CommentResponded, CommentRetracted } from '../comments/commentEvents';
import { ConsultationAnswered, ConsultationClosed, ConsultationNamesShown, ConsultationOpened } from '../consultation/consultationEvents';
import {
  AgendaActivated, ConferenceArchived, ConferenceConfigured, ConferenceCreated, ConferenceEnded, ConferenceStarted, DiscussionModeSet, PointReadied,
  SettingsUpdated,
} from '../conference/conferenceEvents';
import {
  FloorAccepted, FloorDenied, FloorExtended, FloorGranted, FloorPaused, FloorReleased, FloorReordered, FloorRequested,
  FloorResumed, FloorRevoked, FloorTimeWarned, FloorWithdrawn, QueueClosed, QueueOpened,
} from '../floor/floorEvents';
import { DraftRevisionConfirmed } from '../revision/revisionEvents';
import { type ActorSchema } from './actor';

export const DomainEventSchema = z.discriminatedUnion('type', [
  ConferenceCreated, ConferenceConfigured, ConferenceArchived, ConferenceStarted, ConferenceEnded, DiscussionModeSet, SettingsUpdated, AgendaActivated, PointReadied,
  FloorRequested, FloorAccepted, FloorWithdrawn, FloorReordered, FloorDenied, FloorGranted, FloorReleased, FloorRevoked,
  FloorExtended, FloorPaused, FloorResumed, FloorTimeWarned, QueueClosed, QueueOpened,
  CommentLogged, CommentEdited, CommentRetracted, CommentResponded, CommentMerged,
  BudgetGroupsDefined, BudgetAllocated, BudgetTimeAdded, BudgetCleared,
  ConsultationOpened, ConsultationAnswered, ConsultationClosed, ConsultationNamesShown,
  DraftRevisionConfirmed,
]);
/** What decide() produces: an event not yet placed in the log. */
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** An event as stored in a conference's log: seq 1, 2, 3 … without gaps. */
export type StoredEvent = DomainEvent & {
  seq: number;
  /** Server time, ms since the epoch. */
  at: number;
  actor: z.infer<typeof ActorSchema>;
  commandId: string;
};
