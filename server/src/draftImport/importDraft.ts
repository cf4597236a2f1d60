import { parseDraft, type ParseResult } from '@diem-cau/shared';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../imports/parseLimits';
import { MAX_DRAFT_BYTES, importError, type DraftImportError } from './draftImportErrors';
import { draftFileType } from './draftFileType';
import { readDraftFile } from './readDraftFile';

export interface DraftUpload {
  fileName: string;
  data: Buffer;
  /** The draft's title when the organiser typed one; otherwise the parser finds it. */
  title?: string;
}

export type DraftImport = ParseResult & { text: string };
export type DraftImportResult = { ok: true; value: DraftImport } | { ok: false; error: DraftImportError };

/** An uploaded .docx / .txt / .md → the parsed tree, its warnings and the text they point into. */
export async function importDraft(upload: DraftUpload, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<DraftImportResult> {
  if (upload.data.length > MAX_DRAFT_BYTES) return importError('FILE_TOO_LARGE', `Tệp lớn hơn ${MAX_DRAFT_BYTES / 1024 / 1024} MB`);
  if (upload.data.length === 0) return importError('EMPTY_FILE', 'Tệp rỗng');
  const type = draftFileType(upload.fileName, upload.data);
  if (!type.ok) return importError('UNSUPPORTED_TYPE', type.message);
  const read = await readDraftFile(type.type, upload.data, limits);
  if (!read.ok) return read;
  if (read.text.length > limits.maxTextChars) return importError('FILE_TOO_LARGE', 'Văn bản quá dài');
  if (read.text.trim() === '') return importError('EMPTY_FILE', 'Tệp không có nội dung văn bản');
  const parsed = parseDraft(read.text, upload.title === undefined ? {} : { title: upload.title });
  return { ok: true, value: { ...parsed, text: read.text } };
}
