/**
 * Turning a drag-and-drop or a key press into the `toIndex` of `floor.reorder`, whose meaning
 * is the shared `moveInQueue`: take the request out, then insert it at `toIndex` of the rest.
 */
export function dropIndex(queue: readonly string[], id: string, targetId: string, where: 'before' | 'after'): number | undefined {
  const from = queue.indexOf(id);
  const target = queue.indexOf(targetId);
  if (from < 0 || target < 0 || id === targetId) return undefined;
  const slot = where === 'before' ? target : target + 1;
  const to = from < slot ? slot - 1 : slot;
  return to === from ? undefined : to;
}

export type QueueKey = 'up' | 'down' | 'top' | 'bottom';

export function keyMoveIndex(queue: readonly string[], id: string, key: QueueKey): number | undefined {
  const from = queue.indexOf(id);
  if (from < 0) return undefined;
  const last = queue.length - 1;
  const to = key === 'up' ? from - 1 : key === 'down' ? from + 1 : key === 'top' ? 0 : last;
  return to < 0 || to > last || to === from ? undefined : to;
}

/** Alt+↑/↓ (or plain arrows on the drag handle), Home/End: the keyboard path of drag and drop. */
export function queueKeyOf(e: { key: string }): QueueKey | undefined {
  switch (e.key) {
    case 'ArrowUp': return 'up';
    case 'ArrowDown': return 'down';
    case 'Home': return 'top';
    case 'End': return 'bottom';
    default: return undefined;
  }
}
