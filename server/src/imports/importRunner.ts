import { importError } from '../draftImport/draftImportErrors';
import type { Draft } from '@diem-cau/shared';
import type { DraftUpload } from '../draftImport/importDraft';
import { failure } from '../pointsImport/pointsImportErrors';
import { runImportJob, type ImportJobAnswers } from './importJobs';
import type { ImportPool } from './importPool';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parseLimits';

/** What the import routes need: a file in, the parse as JSON or a typed refusal out. */
export interface ImportRunner {
  draft(upload: DraftUpload): Promise<ImportJobAnswers['draft']>;
  points(fileName: string, data: Buffer): Promise<ImportJobAnswers['points']>;
  /** A revised draft parsed and aligned with `before` (DA16). */
  revision(upload: DraftUpload, before: Draft): Promise<ImportJobAnswers['revision']>;
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
    async revision(upload, before) {
      const outcome = await pool.run({ kind: 'revision', fileName: upload.fileName, data: upload.data, before, ...(upload.title === undefined ? {} : { title: upload.title }) });
      return outcome.ok ? outcome.value : importError(outcome.reason, outcome.message);
    },
  };
}

/**
 * Parsing on the calling thread, with the parse limits but no time or memory limit: for tests that mount
 * a router alone and for command-line tools, never for the hub (createHub always gives a pool).
 */
export function inProcessImports(limits: ParseLimits = DEFAULT_PARSE_LIMITS): ImportRunner {
  return {
    draft: (upload) => runImportJob({ kind: 'draft', ...upload }, limits),
    points: (fileName, data) => runImportJob({ kind: 'points', fileName, data }, limits),
    revision: (upload, before) => runImportJob({ kind: 'revision', ...upload, before }, limits),
  };
}
