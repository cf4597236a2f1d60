/** Why an uploaded draft could not be read; `as const` object + union, as for the domain's error codes. */
export const DRAFT_IMPORT_ERROR = {
  NO_FILE: 'NO_FILE',
  EMPTY_FILE: 'EMPTY_FILE',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  UNREADABLE_FILE: 'UNREADABLE_FILE',
  /** The import worker ran past IMPORT_TIMEOUT_MS and was ended (Q22). */
  TIMEOUT: 'TIMEOUT',
} as const;
export type DraftImportErrorCode = (typeof DRAFT_IMPORT_ERROR)[keyof typeof DRAFT_IMPORT_ERROR];

export interface DraftImportError {
  reason: DraftImportErrorCode;
  message: string;
}

/** 10 MB: a long Word draft with pictures is a few MB. */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;
/**
 * Default of IMPORT_MAX_INFLATED_MB: what a .docx or .xlsx may inflate to, counted while inflating. A long
 * draft's XML is a few MB; mammoth needs ~100 bytes of heap per byte of XML, so more would not fit the
 * worker's memory limit anyway.
 */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Default of IMPORT_MAX_TEXT_CHARS: text handed to the parser; beyond this the draft exceeds DRAFT_LIMITS anyway. */
export const MAX_DRAFT_TEXT_CHARS = 5_000_000;

export const importError = (reason: DraftImportErrorCode, message: string): { ok: false; error: DraftImportError } => ({ ok: false, error: { reason, message } });
