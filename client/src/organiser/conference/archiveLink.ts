import { z } from 'zod';

const LinkAnswer = z.object({ url: z.string().startsWith('/api/archive-links/'), expiresAt: z.number() });

export type ArchiveLinkOutcome = { ok: true; url: string } | { ok: false; reason: 'notEnded' | 'refused' | 'network' };

/**
 * Asks the hub for a single-use link to the conference's archive (AR3: POST /api/conferences/:id/archive-links,
 * the admin token in the Authorization header), as report downloads do: the link is good for one download.
 */
export async function requestArchiveLink(conferenceId: string, adminToken: string, fetchFn: typeof fetch = fetch): Promise<ArchiveLinkOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`/api/conferences/${encodeURIComponent(conferenceId)}/archive-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (res.status === 409) return { ok: false, reason: 'notEnded' };
  if (!res.ok) return { ok: false, reason: res.status >= 500 ? 'network' : 'refused' };
  const answer = LinkAnswer.safeParse(await res.json().catch(() => undefined));
  return answer.success ? { ok: true, url: answer.data.url } : { ok: false, reason: 'network' };
}
