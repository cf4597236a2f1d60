import mammoth from 'mammoth';
import { MAX_DOCX_INFLATED_BYTES, importError, type DraftImportError } from './draftImportErrors';
import type { DraftFileType } from './draftFileType';
import { declaredInflatedSize } from './zipGuard';

export type TextResult = { ok: true; text: string } | { ok: false; error: DraftImportError };

/** The raw text of a .docx: one paragraph per line, paragraphs separated by a blank line (mammoth). */
export async function docxText(data: Buffer): Promise<TextResult> {
  const inflated = declaredInflatedSize(data);
  if (inflated === undefined) return importError('UNREADABLE_FILE', 'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word)');
  if (inflated > MAX_DOCX_INFLATED_BYTES) return importError('FILE_TOO_LARGE', 'Tệp .docx giải nén ra quá lớn');
  try {
    const result = await mammoth.extractRawText({ buffer: data });
    return { ok: true, text: result.value };
  } catch {
    return importError('UNREADABLE_FILE', 'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word)');
  }
}

/** Text files: UTF-8 (with or without BOM) or UTF-16 with a BOM; Windows "ANSI" Vietnamese (cp1258) as a fallback. */
export function plainText(data: Buffer): TextResult {
  if (data[0] === 0xff && data[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(data.subarray(2)) };
  if (data[0] === 0xfe && data[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(data.subarray(2)) };
  if (data.includes(0)) return importError('UNREADABLE_FILE', 'Tệp chứa dữ liệu nhị phân, không phải văn bản');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1258').decode(data) };
  }
}

export function readDraftFile(type: DraftFileType, data: Buffer): Promise<TextResult> {
  return type === 'docx' ? docxText(data) : Promise.resolve(plainText(data));
}
