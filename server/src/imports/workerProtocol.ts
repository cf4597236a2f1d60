import { z } from 'zod';

/** Pool → worker: a job under the pool's id for it (the job itself is checked by the worker, ImportJobSchema). */
export const WorkerRequestSchema = z.object({ id: z.number().int(), job: z.unknown() });

/**
 * Worker → pool. `started` comes when the worker takes the job, after its modules loaded: the job's
 * time limit counts from there. `failed` is a bug or an invalid job, never a refusal of the file (those
 * are results, inside `done`).
 */
export const WorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), id: z.number().int() }),
  z.object({ type: z.literal('done'), id: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
