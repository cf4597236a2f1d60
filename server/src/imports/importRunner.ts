import { importError } from '../draftImport/draftImportErrors';
import { importDraft, type DraftImportResult, type DraftUpload } from '../draftImport/importDraft';
import { importPoints, type PointsImportResult } from '../pointsImport/importPoints';
import { failure } from '../pointsImport/pointsImportErrors';
import type { ImportPool } from './importPool';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parseLimits';

/** What the import routes need: a file in, the parse or a typed refusal out. */
export interface ImportRunner {
  draft(upload: DraftUpload): Promise<DraftImportResult>;
  points(fileName: string, data: Buffer): Promise<PointsImportResult>;
}

/** The hub's runner: every file is parsed in the pool; the pool's refusals take each route's error shape. */
export function pooledImports(pool: ImportPool): ImportRunner {
  return {
    async draft(upload) {
      const outcome = await pool.run({ kind: 'draft', fileName: upload.fileName, data: upload.data, ...(upload.title === undefined ? {} : { title: upload.title }) });
      return outcome.ok ? outcome.value : importError(outcome.reason, outcome.message);
    },
    async points(fileName, data) {
      const outcome = await pool.run({ kind: 'points', fileName, data });
      return outcome.ok ? outcome.value : failure(outcome.reason, outcome.message);
    },
  };
}

/**
 * Parsing on the calling thread, with the parse limits but no time or memory limit: for tests that mount
 * a router alone and for command-line tools, never for the hub (createHub always gives a pool).
 */
export function inProcessImports(limits: ParseLimits = DEFAULT_PARSE_LIMITS): ImportRunner {
  return {
    draft: (upload) => importDraft(upload, limits),
    points: (fileName, data) => importPoints(fileName, data, limits),
  };
}
