export { ROLES, RoleSchema, ActorSchema, SYSTEM_ACTOR } from './protocol/actor';
export type { Role, Actor } from './protocol/actor';
export { ERROR_CODE, fail, refuse, assertNever } from './protocol/errors';
export type { ErrorCode, DomainError, Result } from './protocol/errors';
export { REASONS, REASON_KEYS } from './protocol/reasons';
export type { Reason, ReasonParams } from './protocol/reasons';
export { LIMITS, ArticleRefSchema, DelegateRefSchema, IdSchema, CommandIdSchema, textField, requiredText } from './protocol/fields';
export type { ArticleRef, DelegateRef } from './protocol/fields';
export { CommandSchema, COMMAND_TYPES } from './protocol/commands';
export type { Command, CommandInput, CommandType, CommandOf } from './protocol/commands';
export { DomainEventSchema } from './protocol/events';
export type { DomainEvent, StoredEvent, EventType, EventOf } from './protocol/events';
export { PERMISSIONS, permissionOf } from './protocol/permissions';
export type { Permission } from './protocol/permissions';
export { decide } from './protocol/decide';
export type { DecideContext, Decision, DomainLimits } from './protocol/decision';
export { apply, replay } from './protocol/apply';
export { PROTOCOL_VERSION, OLDEST_PROTOCOL_VERSION, SYNC_SNAPSHOT_THRESHOLD, protocolVerdict } from './protocol/socketContract';
export type { ProtocolVerdict } from './protocol/socketContract';
export { UPCASTERS, upcast } from './protocol/upcast';
export type { Upcaster, Upcasters } from './protocol/upcast';
export type { SnapshotOnWire } from './protocol/snapshotWire';
export type {
  Ack, SyncResult, PresenceEntry, PresenceUpdate, VersionedPresenceEntry, ClientToServerEvents, ServerToClientEvents, SocketAuth,
} from './protocol/socketContract';
export { applyPresence, presenceList, EMPTY_PRESENCE } from './protocol/presenceView';
export type { PresenceView } from './protocol/presenceView';
export {
  ConferenceSetupSchema, SettingsSchema, AgendaItemSchema, BridgePointSetupSchema, DelegateSchema, AGENDA_KINDS,
  DiscussionModeSchema,
} from './conference/setup';
export type {
  ConferenceSetup, ConferenceSetupInput, Settings, AgendaItem, AgendaKind, BridgePointSetup, Delegate, DiscussionMode,
} from './conference/setup';
export { normalise, listOf, centralPointId, currentSpeech, stateFromJson, OPEN_REQUEST_STATUSES } from './conference/state';
export { Collection, type CollectionJson } from './conference/collection';
export type {
  ConferenceState, ConferenceStatus, BridgePoint, FloorRequest, FloorRequestStatus, Speech, SpeechStatus, Comment,
  PointCheckIn,
} from './conference/state';
export { FloorPrioritySchema } from './floor/floorCommands';
export type { FloorPriority } from './floor/floorCommands';
export { allowedMs, elapsedMs, remainingMs, deadlineOf, timerPhase } from './floor/speechClock';
export type { TimerPhase } from './floor/speechClock';
export { entryPosition, moveInQueue } from './floor/queueOrder';
export { COMMENT_KINDS, CommentKindSchema, CommentSourceSchema } from './comments/commentCommands';
export type { CommentKind, CommentSource } from './comments/commentCommands';
export { formatArticleRef, unknownArticles } from './comments/articleRefs';
export { commentTally, countsAsComment } from './comments/commentCount';
export { DEFAULT_TIME_ZONE, isTimeZone } from './conference/timeZone';
export { isLocalOnlyUrl } from './protocol/localUrl';
export { SessionNameSchema, SessionNameBodySchema, SessionNameAnswerSchema, SESSION_NAME_MAX_CHARS } from './protocol/sessionName';
export type { CommentTally } from './comments/commentCount';
export { DraftSchema, articlesInOrder, findArticle, DRAFT_LIMITS } from './draft/draft';
export type { Draft, DraftInput, Chapter, Section, Article, Clause, Item, ArticlePlace, Alternative } from './draft/draft';
export { nfc, compareVi, foldDiacritics } from './text/vietnamese';
export { parseDraft, ParseResultSchema, ParseWarningSchema } from './draft/parser';
export type { ParseResult, ParseWarning, ParseStats } from './draft/parser';
export { DEMO_DRAFT_TEXT } from './draft/demoDraft';
export { renderDraftText } from './draft/renderDraftText';
export { alignDrafts, ALIGNMENT_KINDS, LINK_BASES, REVIEW_CONFIDENCE } from './draft/align';
export type {
  AlignmentKind, ArticleCorrespondence, ClauseCorrespondence, ClausePlace, Correspondence, DraftAlignment, Evidence, LinkBasis,
} from './draft/align';
export { followRef } from './comments/followRef';
export type { FollowedRef } from './comments/followRef';
export { formatFollowedRef, FOLLOW_WORDS_VI, FOLLOW_WORDS_EN } from './comments/formatFollowedRef';
export type { FollowWords } from './comments/formatFollowedRef';
export {
  DraftAlignmentSchema, checkAlignment, kindOfShape, concordance, KIND_WORDS_VI, NUMBERINGS, followedLabel, followedRefs, refsInRevision,
  linksOf, regroup, articleKeys, clauseKeys, sameTextIn, sameUnit, unitId,
} from './revision';
export type { AlignmentFault, ConcordanceRow, Numbering, Links, Regrouped, DraftRevision, SameText, UnitKey } from './revision';
export {
  buildSynthesis, synthesisLayout, DRAFT_NAMES, CONCORDANCE_HEADERS, concordanceTableRows, numberingSentence, buildMinutes, reportHeaderOf, looksLikePartyDocument, CommentResponsesSchema, CommentResponseSchema, RESPONSE_STATUSES,
  KIND_LABELS, SOURCE_LABELS, RESPONSE_LABELS, GENERAL_COMMENTS_LABEL, NO_RESPONSE_LABEL, formatClock, formatDate, formatDuration,
  formatDateTime, formatRefs, auditTrail, whoOf, AUDIT_AREAS, AuditRowSchema, AuditAnswerSchema, AUDIT_AREA_LABELS, AUDIT_ROLE_LABELS,
  AUDIT_TEXT_VI, SETTING_KEYS, AUDIT_ORDERS, AuditFilterSchema, filterAudit, auditPointChoices,
  BUDGET_TABLE_HEADERS, ARTICLE_TIME_HEADERS, budgetTableRows, articleTimeRows, POSITION_TABLE_HEADERS, positionTableRows,
  POSITION_OPTION_HEADERS, positionHeadline, positionOptionRows, unansweredLine, hiddenNamesLine, consultationsSectionTitle, allConsultations, DROPPED_ARTICLES_HEADING,
} from './reports';
export type {
  SynthesisReport, SynthesisOptions, MinutesReport, MinutesOptions, MinutesEntry, MinutesSpeech, PointTotals, ChapterSynthesis,
  ArticleSynthesis, KindGroup, PlacedComment, CommentEntry, CommentResponses, CommentResponse, ResponseStatus, ReportHeader,
  HeaderOptions, HeaderStyle, Heatmap, ConferenceInfo, AuditArea, AuditRow, AuditWho, AuditParams, AuditAnswer, AuditFilter,
  SynthesisRevision, MinutesBudget, MinutesBudgetLine, MinutesArticleTime, ConsultationSynthesis, PositionOption, DroppedArticle,
} from './reports';
export {
  DEFAULT_DISCUSSION_MODE, audiblePointIds, isAudible, mediaFloorOf, sameFloor, stagePointId, MEDIA_ACTIONS, MediaRequestSchema,
  MediaNoticeSchema, MediaWelcomeSchema, IceServerSchema, ConsumerInfoSchema, ProducerInfoSchema, TransportInfoSchema, MediaSourceSchema,
  TransportDirectionSchema, RtpCapabilitiesSchema, RtpParametersSchema, DtlsParametersSchema, mediaOk, mediaFail,
} from './media';
export type {
  AudibilityInput, MediaFloor, MediaAction, MediaNotice, MediaRequest, MediaRequestOf, MediaWelcome, IceServer, ConsumerInfo,
  ProducerInfo, TransportInfo, MediaSource, TransportDirection, MediaResult, MediaError, MediaErrorCode, MediaKind, RtpCapabilities,
  RtpParameters, DtlsParameters, IceCandidate, IceParameters,
} from './media';
export { BUDGET_UNITS, BUDGET_SPLITS, BudgetGroupSchema, BudgetTargetSchema, MAX_BUDGET_S } from './budget/budgetCommands';
export type { BudgetUnit, BudgetSplit, BudgetGroup, BudgetTarget, ShareInput } from './budget/budgetCommands';
export type { ItemBudget, BudgetShare } from './budget/budgetState';
export { budgetLedger, activeLineOf, isOverBudget, liveRemainingMs, lineIdOf } from './budget/budgetLedger';
export type { BudgetLine, ItemLedger } from './budget/budgetLedger';
export { articleTime } from './budget/articleTime';
export type { ArticleTime, ArticleTimeSpread } from './budget/articleTime';
export { splitByWeight } from './budget/splitBudget';
export { CONSULTATION_KINDS, APPROVAL_OPTIONS, MAX_CONSULTATION_S, POSITION_REASON_CHARS } from './consultation/consultationCommands';
export type { ConsultationKind } from './consultation/consultationCommands';
export type { ConsultationOption, CloseReason } from './consultation/consultationEvents';
export type { Consultation, ConsultationStatus, Position } from './consultation/consultationState';
export { positionKey } from './consultation/consultationState';
export { isOpenAt, closedAtOf, latestOpen, consultedPoints, positionsOf, tallyOf } from './consultation/consultationTally';
export type { ConsultationTally, OptionTally } from './consultation/consultationTally';
export { streamNowOf, streamElapsedS, SpeechRecordingSchema, StreamInfoSchema, StreamNoticeSchema, StreamWarningSchema } from './stream';
export type { StreamNow, SpeechRecording, StreamInfo, StreamNotice, StreamWarning } from './stream';
