import type { ConferenceState } from '../conference/state';
import type { FloorPriority } from './floorCommands';

const RANK: Record<FloorPriority, number> = { order: 0, reply: 1, normal: 2 };

/**
 * Where a newly accepted request enters the queue: a point of order goes before every
 * other kind, a reply after the points of order and earlier replies, a normal request last.
 * The chair may reorder afterwards.
 */
export function entryPosition(state: ConferenceState, priority: FloorPriority): number {
  const rank = RANK[priority];
  let position = 0;
  for (const id of state.queue) {
    const queued = state.requests.get(id);
    if (queued && RANK[queued.priority] <= rank) position += 1;
    else break;
  }
  return position;
}

export function moveInQueue(queue: readonly string[], id: string, toIndex: number): string[] {
  const rest = queue.filter((q) => q !== id);
  const at = Math.min(Math.max(0, toIndex), rest.length);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

export function insertAt(queue: readonly string[], id: string, position: number): string[] {
  return moveInQueue(queue, id, position);
}
