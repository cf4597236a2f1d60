import { z } from 'zod';
import { CommandIdSchema, IdSchema } from './fields';

/** Fields every command carries: who made it (commandId, for idempotent retries) and for which conference. */
export const commandBase = {
  commandId: CommandIdSchema,
  conferenceId: IdSchema,
};

export function command<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...commandBase, ...shape }).strict();
}
