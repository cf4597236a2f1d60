import type { FloorPriority } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

const ICON: Record<FloorPriority, string> = { normal: '', reply: '↩', order: '⚑' };

/** Replies and points of order stand out by an icon, a word and a border, not by colour alone. */
export function PriorityBadge({ priority }: { priority: FloorPriority }) {
  const t = useT();
  if (priority === 'normal') return null;
  return (
    <span className={`badge badge--${priority}`} title={t.priorityLong[priority]}>
      <span aria-hidden="true">{ICON[priority]} </span>
      {t.priority[priority]}
    </span>
  );
}
