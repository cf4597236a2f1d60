/** Why a list of points could not be read; sent as INVALID with the reason in details. */
export const POINTS_IMPORT_ERROR = {
  NO_FILE: 'NO_FILE', EMPTY_FILE: 'EMPTY_FILE', FILE_TOO_LARGE: 'FILE_TOO_LARGE', UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  UNREADABLE_FILE: 'UNREADABLE_FILE', NO_COLUMNS: 'NO_COLUMNS', NO_ROWS: 'NO_ROWS',
  /** The import worker ran past IMPORT_TIMEOUT_MS and was ended (Q22). */
  TIMEOUT: 'TIMEOUT',
} as const;
export type PointsImportErrorCode = (typeof POINTS_IMPORT_ERROR)[keyof typeof POINTS_IMPORT_ERROR];

export type PointsImportFailure = { ok: false; reason: PointsImportErrorCode; message: string };
export const failure = (reason: PointsImportErrorCode, message: string): PointsImportFailure => ({ ok: false, reason, message });

/** A list of a few hundred delegates is a few dozen KB; an .xlsx with a logo stays far below this. */
export const MAX_POINTS_FILE_BYTES = 5 * 1024 * 1024;
