import { RoleSchema } from '@diem-cau/shared';
import { z } from 'zod';
import type { StoredSession } from './sessionStore';

const SessionAnswer = z.object({
  token: z.string().min(20), role: RoleSchema, conferenceId: z.string(), pointId: z.string().optional(),
  label: z.string(), expiresAt: z.number(),
});

export type JoinOutcome = { ok: true; session: StoredSession } | { ok: false; reason: 'badCode' | 'network' | 'tooManyAttempts' };

/** Exchanges a join code for a session token (POST /api/sessions). */
export async function exchangeJoinCode(code: string, fetchFn: typeof fetch = fetch): Promise<JoinOutcome> {
  let res: Response;
  try {
    res = await fetchFn('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.trim() }) });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (res.status === 400 || res.status === 404) return { ok: false, reason: 'badCode' };
  // Wrong codes from this address (a hall behind one NAT shares it) make it wait a while (Q34).
  if (res.status === 429) return { ok: false, reason: 'tooManyAttempts' };
  if (!res.ok) return { ok: false, reason: 'network' };
  const parsed = SessionAnswer.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, reason: 'network' };
  const { pointId, ...rest } = parsed.data;
  return { ok: true, session: pointId ? { ...rest, pointId } : rest };
}
