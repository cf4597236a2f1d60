import { z } from 'zod';
import { AgendaActivate } from '../agenda/agendaCommands';
import { BudgetAddTime, BudgetAllocate, BudgetClear, BudgetDefineGroups } from '../budget/budgetCommands';
import { CommentEdit, CommentLog, CommentMerge, CommentRespond, CommentRetract } from '../comments/commentCommands';
import { ConferenceArchive, ConferenceConfigure, ConferenceEnd, ConferenceStart, DiscussionSetMode, SettingsUpdate } from '../conference/conferenceCommands';
import {
  FloorAccept, FloorDeny, FloorExtend, FloorGrant, FloorPause, FloorRelease, FloorRequest, FloorResume,
  FloorReorder, FloorRevoke, FloorTimeUp, FloorWithdraw, QueueClose, QueueOpen,
} from '../floor/floorCommands';
import { ConsultationAnswer, ConsultationClose, ConsultationOpen, ConsultationShowNames } from '../consultation/consultationCommands';
import { PointReady } from '../points/pointCommands';
import { DraftConfirmRevision } from '../revision/revisionCommands';

export const CommandSchema = z.discriminatedUnion('type', [
  ConferenceStart, ConferenceEnd, ConferenceConfigure, ConferenceArchive, DiscussionSetMode, SettingsUpdate,
  AgendaActivate,
  FloorRequest, FloorWithdraw, FloorAccept, FloorReorder, FloorGrant, FloorDeny, FloorRelease, FloorRevoke,
  FloorExtend, FloorPause, FloorResume, FloorTimeUp, QueueClose, QueueOpen,
  CommentLog, CommentEdit, CommentRetract, CommentRespond, CommentMerge,
  PointReady,
  BudgetDefineGroups, BudgetAllocate, BudgetAddTime, BudgetClear,
  ConsultationOpen, ConsultationAnswer, ConsultationClose, ConsultationShowNames,
  DraftConfirmRevision,
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[];
