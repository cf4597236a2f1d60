import { extname } from 'node:path';

export const DRAFT_FILE_TYPES = ['docx', 'txt', 'md'] as const;
export type DraftFileType = (typeof DRAFT_FILE_TYPES)[number];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Word 97–2003 (.doc) and other OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (data: Uint8Array, magic: readonly number[]) => magic.every((b, i) => data[i] === b);

export type FileTypeVerdict = { ok: true; type: DraftFileType } | { ok: false; message: string };

/** The type from the name, checked against the first bytes: a renamed .doc or .pdf is refused, not mis-read. */
export function draftFileType(fileName: string, data: Uint8Array): FileTypeVerdict {
  const ext = extname(fileName).toLowerCase().slice(1);
  if (startsWith(data, OLE_MAGIC)) return { ok: false, message: 'Tệp Word cũ (.doc) chưa được hỗ trợ: hãy lưu lại dưới dạng .docx' };
  if (ext === 'docx') return startsWith(data, ZIP_MAGIC) ? { ok: true, type: 'docx' } : { ok: false, message: 'Tệp .docx không đúng định dạng Word' };
  if (ext === 'txt' || ext === 'md' || ext === 'markdown') {
    return startsWith(data, ZIP_MAGIC) ? { ok: false, message: 'Tệp nén không phải văn bản thuần' } : { ok: true, type: ext === 'txt' ? 'txt' : 'md' };
  }
  return { ok: false, message: `Không hỗ trợ tệp "${ext === '' ? fileName : `.${ext}`}" (chỉ nhận .docx, .txt, .md)` };
}
