export { buildSynthesis, groupByKind } from './buildSynthesis';
export type { SynthesisOptions } from './buildSynthesis';
export { synthesisLayout, DRAFT_NAMES } from './synthesisNumbering';
export type { SynthesisRevision } from './synthesisNumbering';
export { CONCORDANCE_HEADERS, concordanceTableRows, numberingSentence } from './concordanceTable';
export { buildMinutes, RUNNING_LABEL } from './buildMinutes';
export type { MinutesOptions } from './buildMinutes';
export { commentEntry, formatRefs } from './commentEntry';
export type { CommentEntry, ResponseView } from './commentEntry';
export { RESPONSE_STATUSES, ResponseStatusSchema, CommentResponseSchema, CommentResponsesSchema } from './commentResponse';
export type { ResponseStatus, CommentResponse, CommentResponses } from './commentResponse';
export { placeLabel } from './placeComments';
export { reportHeaderOf, looksLikePartyDocument, placeOfVenue, DEFAULT_ISSUER } from './reportHeader';
export type { HeaderStyle, HeaderOptions, ReportHeader } from './reportHeader';
export { conferenceDay } from './reportDirectory';
export type { ConferenceInfo } from './reportDirectory';
export {
  KIND_LABELS, SOURCE_LABELS, RESPONSE_LABELS, END_REASON_LABELS, STATUS_LABELS, AGENDA_KIND_LABELS, UNKNOWN_POINT_LABEL,
  GENERAL_COMMENTS_LABEL,
} from './reportLabels';
export { NO_RESPONSE_LABEL } from './synthesisSummary';
export type {
  SynthesisReport, SynthesisSummary, ChapterSynthesis, ArticleSynthesis, KindGroup, PlacedComment, PointCount, PointSummary,
  UncommentedArticle, Heatmap,
} from './synthesisTypes';
export type { MinutesReport, MinutesEntry, MinutesSpeech, PointTotals } from './minutesTypes';
export { BUDGET_TABLE_HEADERS, ARTICLE_TIME_HEADERS, budgetTableRows, articleTimeRows } from './minutesBudgets';
export type { MinutesBudget, MinutesBudgetLine, MinutesArticleTime } from './minutesBudgets';
export { consultationsByArticle, POSITION_TABLE_HEADERS, positionTableRows } from './positionsSynthesis';
export { allConsultations, DROPPED_ARTICLES_HEADING } from './droppedArticles';
export type { DroppedArticle } from './droppedArticles';
export type { ConsultationSynthesis, PositionOption } from './positionsSynthesis';
export { consultationsSectionTitle } from './minutesConsultations';
export { POSITION_OPTION_HEADERS, positionHeadline, positionOptionRows, unansweredLine, hiddenNamesLine } from './positionLines';
export { formatClock, formatDate, formatDateTime, formatLongDate, formatDuration, VN_OFFSET_MS } from './vnTime';
export { auditTrail, auditRow, whoOf } from './audit/auditTrail';
export { AUDIT_AREAS, AuditAreaSchema, AuditRowSchema, AuditAnswerSchema } from './audit/auditRow';
export type { AuditArea, AuditRow, AuditWho, AuditParams, AuditAnswer } from './audit/auditRow';
export { AUDIT_AREA_LABELS, AUDIT_ROLE_LABELS, AUDIT_TEXT_VI, SETTING_KEYS, spanVi } from './audit/auditWords';
export { AUDIT_ORDERS, AuditFilterSchema, filterAudit, auditPointChoices } from './audit/auditFilter';
export type { AuditFilter } from './audit/auditFilter';
