import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** File types `readDraftText` can read; .docx is to come. */
export const DRAFT_TEXT_EXTENSIONS = ['.txt', '.md'] as const;

export function isDraftTextFile(file: string): boolean {
  return (DRAFT_TEXT_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

/**
 * The plain text of a draft file, for `parseDraft`. One branch per file type, so a .docx
 * reader can be added beside the text one.
 */
export async function readDraftText(file: string): Promise<string> {
  const extension = extname(file).toLowerCase();
  switch (extension) {
    case '.txt':
    case '.md':
      return readFile(file, 'utf8');
    default:
      throw new Error(`Unsupported draft file type "${extension}" (supported: ${DRAFT_TEXT_EXTENSIONS.join(', ')})`);
  }
}
