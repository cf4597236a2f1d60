import { AuditAnswerSchema, type AuditAnswer, type AuditFilter } from '@diem-cau/shared';
import { z } from 'zod';

export type AuditFailure = 'refused' | 'network';
export type AuditOutcome = { ok: true; answer: AuditAnswer } | { ok: false; reason: AuditFailure };

const enc = encodeURIComponent;
const LinkAnswer = z.object({ url: z.string().startsWith('/api/audit-links/'), expiresAt: z.number() });

async function call(fetchFn: typeof fetch, path: string, token: string, body?: object): Promise<Response | undefined> {
  try {
    return await fetchFn(path, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return undefined;
  }
}

/** The audit rows after `sinceSeq` (H8), with the seq to ask from next time. Chair session or admin token (H9). */
export async function fetchAudit(conferenceId: string, token: string, sinceSeq: number, fetchFn: typeof fetch = fetch): Promise<AuditOutcome> {
  const res = await call(fetchFn, `/api/conferences/${enc(conferenceId)}/audit?sinceSeq=${sinceSeq}`, token);
  if (!res || res.status >= 500) return { ok: false, reason: 'network' };
  if (!res.ok) return { ok: false, reason: 'refused' };
  const answer = AuditAnswerSchema.safeParse(await res.json().catch(() => undefined));
  return answer.success ? { ok: true, answer: answer.data } : { ok: false, reason: 'network' };
}

/**
 * A single-use link to the CSV of the rows the view shows (H10): asked at the click, token in the header,
 * as the report downloads do (Q41), so no token ever sits in a URL.
 */
export async function requestAuditLink(conferenceId: string, token: string, filter: AuditFilter, fetchFn: typeof fetch = fetch): Promise<{ ok: true; url: string } | { ok: false; reason: AuditFailure }> {
  const res = await call(fetchFn, `/api/conferences/${enc(conferenceId)}/audit-links`, token, filter);
  if (!res || res.status >= 500) return { ok: false, reason: 'network' };
  if (!res.ok) return { ok: false, reason: 'refused' };
  const answer = LinkAnswer.safeParse(await res.json().catch(() => undefined));
  return answer.success ? { ok: true, url: answer.data.url } : { ok: false, reason: 'network' };
}
