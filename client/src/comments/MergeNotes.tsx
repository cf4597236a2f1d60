import type { Comment } from '@diem-cau/shared';
import { gist, mergedGroup } from '../domain/commentMerge';
import { formatClockTime } from '../domain/format';
import { useLocale, useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';

export const commentElementId = (id: string) => `comment-${id}`;

/** On a kept comment: "Văn bản + phát biểu" when it gathers both, else how many it gathers. */
export function KeptBadge({ comment }: { comment: Comment }) {
  const t = useT();
  const group = mergedGroup(useConferenceState(), comment);
  if (!group) return null;
  const mixed = group.sources.size > 1;
  const text = mixed && group.count === 2 ? t.comments.keptMixed : mixed ? `${t.comments.keptMixed} · ${t.comments.keptCount(group.count)}` : t.comments.keptCount(group.count);
  return <span className="badge badge--kept" data-testid="kept-badge">⇠ {text}</span>;
}

function showKept(id: string) {
  const el = document.getElementById(commentElementId(id));
  el?.scrollIntoView({ block: 'nearest' });
  el?.focus();
}

/** On a duplicate: which comment it went into, with a way to jump to it when it is listed. */
export function MergedIntoNote({ intoId }: { intoId: string }) {
  const { t, locale } = useLocale();
  const state = useConferenceState();
  const kept = state.comments.get(intoId);
  if (!kept) return <p className="comment__merged" data-testid="merged-into">{t.comments.mergedElsewhere}</p>;
  return (
    <p className="comment__merged" data-testid="merged-into">
      <span>{t.comments.mergedInto(t.comments.sourceInline[kept.source], formatClockTime(kept.loggedAt, locale, state.timeZone), gist(kept.text, 48))}</span>{' '}
      <button type="button" className="btn btn--ghost btn--small" onClick={() => showKept(intoId)}>{t.comments.showKept}</button>
    </p>
  );
}
