/** Why an uploaded draft could not be read; `as const` object + union, as for the domain's error codes. */
export const DRAFT_IMPORT_ERROR = {
  NO_FILE: 'NO_FILE',
  EMPTY_FILE: 'EMPTY_FILE',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  UNREADABLE_FILE: 'UNREADABLE_FILE',
} as const;
export type DraftImportErrorCode = (typeof DRAFT_IMPORT_ERROR)[keyof typeof DRAFT_IMPORT_ERROR];

export interface DraftImportError {
  reason: DraftImportErrorCode;
  message: string;
}

/** 10 MB: a long Word draft with pictures is a few MB. */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;
/** What a .docx may inflate to: well above any real draft, far below a zip bomb. */
export const MAX_DOCX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Text handed to the parser; beyond this the draft exceeds DRAFT_LIMITS anyway. */
export const MAX_DRAFT_TEXT_CHARS = 5_000_000;

export const importError = (reason: DraftImportErrorCode, message: string): { ok: false; error: DraftImportError } => ({ ok: false, error: { reason, message } });
