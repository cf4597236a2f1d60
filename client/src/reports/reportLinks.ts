import type { Numbering } from '@diem-cau/shared';
import { z } from 'zod';

export const REPORT_KINDS = ['synthesis', 'minutes'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FILE_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FILE_FORMATS)[number] | 'html';

const LinkAnswer = z.object({ url: z.string().startsWith('/api/report-links/'), expiresAt: z.number() });

/** What a link carries besides the file: the synthesis's numbering once a revision is confirmed (DA15). */
export interface ReportLinkOptions { numbering?: Numbering }

export type ReportLinkOutcome = { ok: true; url: string } | { ok: false; reason: 'refused' | 'network' };

/**
 * Asks the hub for a single-use link to one report (POST /api/conferences/:id/report-links, token in the
 * Authorization header). A plain link cannot carry that header, and a token in a URL would stay in the
 * browser's history and the proxies' logs for the session's whole life; the link the hub gives instead is
 * good for one download within a minute, so it is asked for at the moment of the click.
 */
export async function requestReportLink(conferenceId: string, kind: ReportKind, format: ReportFormat, token: string, fetchFn: typeof fetch = fetch, options: ReportLinkOptions = {}): Promise<ReportLinkOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`/api/conferences/${encodeURIComponent(conferenceId)}/report-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ file: `${kind}.${format}`, ...options }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (!res.ok) return { ok: false, reason: res.status >= 500 ? 'network' : 'refused' };
  const answer = LinkAnswer.safeParse(await res.json().catch(() => undefined));
  return answer.success ? { ok: true, url: answer.data.url } : { ok: false, reason: 'network' };
}

/** Saves the file behind a link the way a clicked `<a download>` does (the browser's own download bar). */
export function downloadFrom(url: string, doc: Document = document): void {
  const a = doc.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
}
