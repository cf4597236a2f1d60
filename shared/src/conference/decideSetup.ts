import { unknownArticles } from '../comments/articleRefs';
import type { CommandOf } from '../protocol/commands';
import { accept, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { listOf, type ConferenceState } from './state';

/** What the log already says about points and articles must still make sense under the new setup. */
function orphans(state: ConferenceState, c: CommandOf<'conference.configure'>): string[] {
  const pointIds = new Set(c.setup.points.map((p) => p.id));
  const problems: string[] = [];
  for (const r of listOf(state.requests)) if (!pointIds.has(r.pointId)) problems.push(`đăng ký phát biểu của điểm cầu ${r.pointId}`);
  for (const cm of listOf(state.comments)) {
    if (cm.pointId !== undefined && !pointIds.has(cm.pointId)) problems.push(`góp ý của điểm cầu ${cm.pointId}`);
    const missing = unknownArticles(c.setup.draft, cm.articles);
    if (missing.length > 0) problems.push(`góp ý về Điều ${missing.join(', ')}`);
  }
  return [...new Set(problems)];
}

export function decideConfigure(state: ConferenceState, c: CommandOf<'conference.configure'>): Decision {
  if (state.status !== 'scheduled') return refuse('SETUP_ONLY_BEFORE_START');
  const lost = orphans(state, c);
  if (lost.length > 0) return refuse('SETUP_WOULD_ORPHAN', { lost: lost.slice(0, 5).join('; ') });
  return accept({ type: 'conference.configured', payload: { setup: c.setup } });
}

export function decideArchive(state: ConferenceState): Decision {
  if (state.status !== 'ended') return refuse('ARCHIVE_ONLY_ENDED');
  if (state.archived) return refuse('ALREADY_ARCHIVED');
  return accept({ type: 'conference.archived', payload: {} });
}
