export { parseDraft } from './parseDraft';
export type { ParseOptions } from './parseDraft';
export { ParseResultSchema, ParseStatsSchema, ParseWarningCode, ParseWarningSchema } from './warnings';
export type { ParseResult, ParseStats, ParseWarning } from './warnings';
export { normaliseText } from './normalise';
