import { DraftSchema } from '@diem-cau/shared';
import { z } from 'zod';
import { importDraft, type DraftImportResult } from '../draftImport/importDraft';
import { importRevision, type RevisionImportResult } from '../draftImport/importRevision';
import { importPoints, type PointsImportResult } from '../pointsImport/importPoints';
import type { ParseLimits } from './parseLimits';

const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');

/** One uploaded file to parse; what crosses into a pool worker (v8 serialisation: a Buffer arrives as a Uint8Array). */
export const ImportJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), fileName: z.string().max(1_000), data: BytesSchema, title: z.string().max(500).optional() }),
  z.object({ kind: z.literal('points'), fileName: z.string().max(1_000), data: BytesSchema }),
  /** A revised draft, parsed and aligned with `before` (the draft the comments refer to) in the same worker (DA16). */
  z.object({ kind: z.literal('revision'), fileName: z.string().max(1_000), data: BytesSchema, title: z.string().max(500).optional(), before: DraftSchema }),
]);
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type ImportJobKind = ImportJob['kind'];

/**
 * A parse that succeeded travels as its JSON, already UTF-8 encoded (copied once over the worker's channel): the hub's thread only writes it to the response. Building a large draft's object graph again
 * and stringifying it there took ~250 ms of its event loop.
 */
type Encoded<R> = R extends { ok: true } ? { ok: true; json: Uint8Array<ArrayBuffer> } : R;
export interface ImportJobAnswers {
  draft: Encoded<DraftImportResult>;
  points: Encoded<PointsImportResult>;
  revision: Encoded<RevisionImportResult>;
}
export type ImportAnswer = ImportJobAnswers[ImportJobKind];

async function parse(job: ImportJob, limits: ParseLimits): Promise<DraftImportResult | PointsImportResult | RevisionImportResult> {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  switch (job.kind) {
    case 'draft':
      return importDraft({ fileName: job.fileName, data, ...(job.title === undefined ? {} : { title: job.title }) }, limits);
    case 'points':
      return importPoints(job.fileName, data, limits);
    case 'revision':
      return importRevision({ fileName: job.fileName, data, ...(job.title === undefined ? {} : { title: job.title }) }, job.before, limits);
  }
}

/** The parsing itself, the same wherever it runs (a pool worker, or in-process for tests and tools). */
export async function runImportJob<K extends ImportJobKind>(job: Extract<ImportJob, { kind: K }>, limits: ParseLimits): Promise<ImportJobAnswers[K]> {
  const result = await parse(job, limits);
  const answer: ImportAnswer = result.ok ? { ok: true, json: new TextEncoder().encode(JSON.stringify(result.value)) } : result;
  // parse() answers a job of kind K with the result of kind K.
  return answer as ImportJobAnswers[K];
}
