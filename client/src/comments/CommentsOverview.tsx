import { COMMENT_KINDS, formatArticleRef } from '@diem-cau/shared';
import { Fragment, useState } from 'react';
import { articleStats, commentsOnArticle } from '../domain/commentStats';
import { pointName, pointsThatSpokeTo } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { Panel } from '../ui/Panel';
import { CommentList } from './CommentList';
import { Heatmap } from './Heatmap';

/** Comments per article, for every role: counts, who spoke, kinds, the heatmap; uncommented articles stand out. */
export function CommentsOverview({ editable }: { editable: boolean }) {
  const t = useT();
  const state = useConferenceState();
  const rows = articleStats(state);
  const [open, setOpen] = useState<number | undefined>();
  const uncommented = rows.filter((r) => r.count === 0).length;
  return (
    <div className="overview">
      <Panel id="by-article" title={t.byArticle.title} actions={<span className="chip chip--warn">⚠ {t.byArticle.uncommentedCount(uncommented)}</span>}>
        <table className="table by-article" data-testid="by-article">
          <thead>
            <tr>
              <th scope="col">{t.byArticle.article}</th>
              <th scope="col" className="num">{t.byArticle.comments}</th>
              <th scope="col">{t.byArticle.points}</th>
              <th scope="col">{t.byArticle.kinds}</th>
              <th scope="col"><span className="sr-only">{t.byArticle.show}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const heading = r.chapter && rows[i - 1]?.chapter?.number !== r.chapter.number ? r.chapter : undefined;
              const label = formatArticleRef({ article: r.article });
              return (
                <Fragment key={r.article}>
                  {heading ? <tr className="by-article__chapter"><th colSpan={5} scope="rowgroup">{t.request.chapter(heading.number, heading.title)}</th></tr> : null}
                  <tr className={r.count === 0 ? 'is-uncommented' : undefined} data-article={r.article}>
                    <th scope="row"><strong>{label}.</strong> {r.title}</th>
                    <td className="num" data-testid="article-count">{r.count === 0 ? <span className="tag tag--uncommented">{t.byArticle.uncommented}</span> : r.count}</td>
                    <td>{[...pointsThatSpokeTo(state, r.article)].map((p) => <span key={p} className="tag">{pointName(state, p)}</span>)}</td>
                    <td className="kinds">{COMMENT_KINDS.filter((k) => r.byKind[k] > 0).map((k) => <span key={k} className={`badge badge--kind kind--${k}`}>{t.kinds[k]} {r.byKind[k]}</span>)}</td>
                    <td>
                      {r.count > 0 ? (
                        <button type="button" className="btn btn--small btn--ghost" aria-expanded={open === r.article} onClick={() => setOpen(open === r.article ? undefined : r.article)}>
                          {t.byArticle.show}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {open === r.article ? (
                    <tr className="by-article__comments"><td colSpan={5}>
                      <CommentList items={commentsOnArticle(state, r.article).reverse().map((comment) => ({ comment }))} editable={editable} label={label} />
                    </td></tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </Panel>
      <Panel id="heatmap" title={t.byArticle.heatmap}>
        <Heatmap rows={rows} />
      </Panel>
    </div>
  );
}
