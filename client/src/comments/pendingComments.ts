import type { Comment, ConferenceState } from '@diem-cau/shared';
import type { OutboxItem } from '../net/outbox';

export interface ShownComment {
  comment: Comment;
  pending?: 'pending' | 'failed';
}

/**
 * Comments as a secretary should see them: the hub's, plus the ones still in this device's
 * outbox. A queued comment disappears from the "waiting" list the moment its event arrives
 * (its commentId is its commandId), so it is never shown twice.
 */
export function withPending(state: ConferenceState, outbox: readonly OutboxItem[], sessionLabel: string): ShownComment[] {
  const shown: ShownComment[] = state.comments.ids.map((id) => state.comments.get(id)).filter((c): c is Comment => c !== undefined).map((comment) => ({ comment }));
  for (const item of outbox) {
    const c = item.command;
    if (c.type !== 'comment.log' || state.comments.get(c.commandId)) continue;
    const speech = typeof c.speechId === 'string' ? state.speeches.get(c.speechId) : undefined;
    const pointId = speech?.pointId ?? (typeof c.pointId === 'string' ? c.pointId : undefined);
    const delegate = speech?.delegate ?? (c.delegate as Comment['delegate']);
    shown.push({
      pending: item.failed ? 'failed' : 'pending',
      comment: {
        id: c.commandId, articles: (c.articles as Comment['articles']) ?? [], kind: c.kind as Comment['kind'], text: String(c.text ?? ''),
        source: c.source === 'written' ? 'written' : 'spoken', loggedAt: item.queuedAt, retracted: false,
        loggedBy: { role: 'secretary', sessionId: '', label: sessionLabel },
        ...(speech ? { speechId: speech.id } : {}), ...(pointId ? { pointId } : {}), ...(delegate ? { delegate } : {}),
      },
    });
  }
  // Newest first; comments logged in the same millisecond keep the log's order, reversed (the later one first).
  return shown.reverse().sort((a, b) => b.comment.loggedAt - a.comment.loggedAt);
}
