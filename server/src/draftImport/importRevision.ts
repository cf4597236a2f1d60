import { alignDrafts, type Draft, type DraftAlignment } from '@diem-cau/shared';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../imports/parseLimits';
import type { DraftImportError } from './draftImportErrors';
import { importDraft, type DraftImport, type DraftUpload } from './importDraft';

export type RevisionImport = DraftImport & { alignment: DraftAlignment };
export type RevisionImportResult = { ok: true; value: RevisionImport } | { ok: false; error: DraftImportError };

/**
 * A revised draft read as the first one is (same file types, limits and warnings), then aligned with the draft the
 * comments refer to: the proposal the organiser confirms or corrects. Both run in an import worker: a 400-article
 * alignment takes ~240 ms of CPU, too long for the hub's event loop.
 */
export async function importRevision(upload: DraftUpload, before: Draft, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<RevisionImportResult> {
  const read = await importDraft(upload, limits);
  if (!read.ok) return read;
  return { ok: true, value: { ...read.value, alignment: alignDrafts(before, read.value.draft) } };
}
