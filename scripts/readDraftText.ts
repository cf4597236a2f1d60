import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { docxText, plainText } from '../server/src/draftImport/readDraftFile';

/** File types `readDraftText` can read. */
export const DRAFT_TEXT_EXTENSIONS = ['.txt', '.md', '.docx'] as const;

export function isDraftTextFile(file: string): boolean {
  return (DRAFT_TEXT_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

/**
 * The plain text of a draft file, for `parseDraft`: the same readers as the upload endpoint
 * (mammoth for .docx; UTF-8/UTF-16/cp1258 for text), so the CLI and the server agree.
 */
export async function readDraftText(file: string): Promise<string> {
  const extension = extname(file).toLowerCase();
  if (!isDraftTextFile(file)) {
    throw new Error(`Unsupported draft file type "${extension}" (supported: ${DRAFT_TEXT_EXTENSIONS.join(', ')})`);
  }
  const data = await readFile(file);
  const read = extension === '.docx' ? await docxText(data) : plainText(data);
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return read.text;
}
