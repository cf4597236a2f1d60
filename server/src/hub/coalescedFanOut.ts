import type { StoredEvent } from '@diem-cau/shared';

type Publish = (conferenceId: string, events: StoredEvent[]) => void;

/**
 * One fan-out per conference for all the commands committed together: one group commit resolves many
 * appends in the same microtask wave, and each used to broadcast its own `events` packet to every socket of
 * the conference. Here they are held until the end of that wave (a microtask queued by the first) and sent as
 * one packet per conference, in the order they were committed.
 *
 * The sender still hears its event before its ack: the flush is queued before the command's own
 * continuation that sends the ack, so it runs first.
 */
export function coalescedFanOut(publish: Publish): Publish {
  let pending: Map<string, StoredEvent[]> | undefined;
  const flush = () => {
    const batch = pending;
    pending = undefined;
    if (!batch) return;
    for (const [conferenceId, events] of batch) publish(conferenceId, events);
  };
  return (conferenceId, events) => {
    if (!pending) {
      pending = new Map();
      queueMicrotask(flush);
    }
    const held = pending.get(conferenceId);
    if (held) held.push(...events);
    else pending.set(conferenceId, [...events]);
  };
}
