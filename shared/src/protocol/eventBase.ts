import { z } from 'zod';

export function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), payload: z.object(shape) });
}
