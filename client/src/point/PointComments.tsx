import { useSession } from '../app/sessionContext';
import { withPending } from '../comments/pendingComments';
import { CommentList } from '../comments/CommentList';
import { countsAsLive } from '../domain/commentStats';
import { useT } from '../i18n/i18n';
import { useConnectionSnapshot } from '../state/hooks';
import { Panel } from '../ui/Panel';
import { WrittenComment } from './WrittenComment';

/** What the secretaries logged about this point's speeches, live; and its own written comments. */
export function PointComments({ pointId }: { pointId: string }) {
  const t = useT();
  const { session } = useSession();
  const { state, outbox } = useConnectionSnapshot();
  if (!state) return null;
  const mine = withPending(state, outbox, session.label).filter((c) => c.comment.pointId === pointId && countsAsLive(c.comment));
  return (
    <Panel id="point-comments" title={t.comments.ofPoint} actions={<span className="chip">{t.comments.count(mine.length)}</span>}>
      <WrittenComment pointId={pointId} />
      <CommentList items={mine} editable={false} label={t.comments.ofPoint} />
    </Panel>
  );
}
