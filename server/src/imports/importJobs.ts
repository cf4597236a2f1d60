import { z } from 'zod';
import { importDraft, type DraftImportResult } from '../draftImport/importDraft';
import { importPoints, type PointsImportResult } from '../pointsImport/importPoints';
import type { ParseLimits } from './parseLimits';

const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');

/** One uploaded file to parse; what crosses into a pool worker (structured clone: a Buffer arrives as a Uint8Array). */
export const ImportJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), fileName: z.string().max(1_000), data: BytesSchema, title: z.string().max(500).optional() }),
  z.object({ kind: z.literal('points'), fileName: z.string().max(1_000), data: BytesSchema }),
]);
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type ImportJobKind = ImportJob['kind'];

/** What each kind of job answers. */
export interface ImportJobResults {
  draft: DraftImportResult;
  points: PointsImportResult;
}

/** The parsing itself, the same wherever it runs (a pool worker, or in-process for tests and tools). */
export async function runImportJob(job: ImportJob, limits: ParseLimits): Promise<ImportJobResults[ImportJobKind]> {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  switch (job.kind) {
    case 'draft':
      return importDraft({ fileName: job.fileName, data, ...(job.title === undefined ? {} : { title: job.title }) }, limits);
    case 'points':
      return importPoints(job.fileName, data, limits);
  }
}
