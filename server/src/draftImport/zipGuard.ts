import { zipEntries } from './zipDirectory';

/**
 * Sums the inflated sizes a zip's central directory declares, without inflating anything,
 * so a small .docx that would expand to gigabytes (a zip bomb) is refused before mammoth reads it.
 * Undefined when the directory is missing, truncated or ZIP64.
 */
export function declaredInflatedSize(buf: Buffer): number | undefined {
  return zipEntries(buf)?.reduce((sum, e) => sum + e.inflatedSize, 0);
}
