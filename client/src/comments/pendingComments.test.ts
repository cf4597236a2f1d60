import { LogBuilder, logged } from '../testing/fixtures';
import type { OutboxItem } from '../net/outbox';
import { withPending } from './pendingComments';

describe('withPending', () => {
  it('lists the newest first; comments logged in the same millisecond in reverse log order; this device’s queued ones on top', () => {
    const log = new LogBuilder().add({ type: 'conference.started', payload: {} });
    log.add(logged('c1', 'một'), { at: 5_000 }).add(logged('c2', 'hai'), { at: 9_000 }).add(logged('c3', 'ba'), { at: 9_000 });
    const queued: OutboxItem = { command: { type: 'comment.log', commandId: 'q1', conferenceId: 'x', kind: 'agree', text: 'bốn' }, queuedAt: 9_000, attempts: 1 };
    const shown = withPending(log.state(), [queued], 'Thư ký');
    expect(shown.map((s) => [s.comment.id, s.pending ?? 'stored'])).toEqual([['q1', 'pending'], ['c3', 'stored'], ['c2', 'stored'], ['c1', 'stored']]);
  });
});
