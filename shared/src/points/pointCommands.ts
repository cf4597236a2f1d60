import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { IdSchema } from '../protocol/fields';

/** A point's check-in: connection and sound tested, which delegates are in the room. */
export const PointReady = command('point.ready', {
  pointId: IdSchema,
  ready: z.boolean(),
  connectionChecked: z.boolean().default(false),
  soundChecked: z.boolean().default(false),
  delegatesPresent: z.array(IdSchema).max(200).default([]),
});
