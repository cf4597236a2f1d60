import mammoth from 'mammoth';
import { inflateZip } from '../imports/boundedUnzip';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../imports/parseLimits';
import { repackStored } from '../imports/zipWriter';
import { importError, type DraftImportError } from './draftImportErrors';
import type { DraftFileType } from './draftFileType';
import { declaredInflatedSize } from './zipGuard';

export type TextResult = { ok: true; text: string } | { ok: false; error: DraftImportError };

const UNREADABLE_DOCX = 'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word)';
const TOO_LARGE_DOCX = 'Tệp .docx giải nén ra quá lớn';
/** The parts mammoth's raw text reads; pictures, fonts and embedded objects are read lazily, never for text. */
const isTextPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * The raw text of a .docx: one paragraph per line, paragraphs separated by a blank line (mammoth).
 * mammoth inflates zips itself (JSZip) and trusts what they declare, so it never sees the upload: we
 * inflate the XML parts ourselves within the byte budget, counting what zlib really produces, and hand
 * mammoth a stored (uncompressed) re-pack of them. A zip that declares too much is refused before that.
 */
export async function docxText(data: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<TextResult> {
  const declared = declaredInflatedSize(data);
  if (declared === undefined) return importError('UNREADABLE_FILE', UNREADABLE_DOCX);
  if (declared > limits.maxInflatedBytes) return importError('FILE_TOO_LARGE', TOO_LARGE_DOCX);
  const unzipped = inflateZip(data, limits.maxInflatedBytes, isTextPart);
  if (!unzipped.ok) return importError(unzipped.reason, unzipped.reason === 'FILE_TOO_LARGE' ? TOO_LARGE_DOCX : UNREADABLE_DOCX);
  try {
    const result = await mammoth.extractRawText({ buffer: repackStored(unzipped.parts) });
    return { ok: true, text: result.value };
  } catch {
    // mammoth's own errors, and a RangeError from recursing into a deeply nested document.
    return importError('UNREADABLE_FILE', UNREADABLE_DOCX);
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

export function readDraftFile(type: DraftFileType, data: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<TextResult> {
  return type === 'docx' ? docxText(data, limits) : Promise.resolve(plainText(data));
}
