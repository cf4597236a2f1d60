import { zipEntries } from './zipDirectory';

/**
 * Sums the inflated sizes a zip's central directory declares, without inflating anything: a cheap first
 * refusal for a zip that admits it is too big. A zip may lie about its sizes, so this is never the only
 * check: the bytes are counted again while inflating (imports/boundedUnzip.ts).
 * Undefined when the directory is missing, truncated or ZIP64.
 */
export function declaredInflatedSize(buf: Buffer): number | undefined {
  return zipEntries(buf)?.reduce((sum, e) => sum + e.inflatedSize, 0);
}
