import { z } from 'zod';

/** AR1: the archive's format name; a verifier refuses a manifest of another. */
export const ARCHIVE_FORMAT = 'diem-cau-archive/1';
export const MANIFEST_PATH = 'manifest.json';
export const LOG_PATH = 'log.jsonl';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchiveFileSchema = z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: Sha256 }).strict();

/** manifest.json, the archive's first entry: what the log ends with, and every other file with its SHA-256. */
export const ArchiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  conferenceId: z.string().min(1),
  title: z.string(),
  /** When the archive was made, ISO 8601. */
  createdAt: z.string(),
  log: z.object({ path: z.literal(LOG_PATH), events: z.number().int().nonnegative(), headHash: Sha256 }).strict(),
  files: z.array(ArchiveFileSchema),
}).strict();
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

/** One line of log.jsonl: a stored event and the hash of the one before it (HC2). */
export const LogLineSchema = z.object({
  seq: z.number().int().positive(),
  type: z.string(),
  at: z.number(),
  actor: z.unknown(),
  commandId: z.string(),
  payload: z.unknown(),
  prevHash: Sha256,
}).strict();
export type LogLine = z.infer<typeof LogLineSchema>;
