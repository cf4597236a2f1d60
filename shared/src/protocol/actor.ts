import { z } from 'zod';

export const ROLES = ['chair', 'secretary', 'point', 'display', 'organiser', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** 'system' acts for the hub itself (speech timers); it never comes from a client. */
export const ActorSchema = z.object({
  role: z.union([RoleSchema, z.literal('system')]),
  /** The bridge point a point session speaks for, or the chair's own (central) point. */
  pointId: z.string().max(64).optional(),
  sessionId: z.string().max(64),
  label: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SYSTEM_ACTOR: Actor = { role: 'system', sessionId: 'system', label: 'Hệ thống' };
