import { currentSpeech, elapsedMs, formatArticleRef } from '@diem-cau/shared';
import { useState } from 'react';
import { formatDuration } from '../domain/format';
import { pointRows, type PointRow } from '../domain/pointStats';
import { focusArticles, pointsThatSpokeTo, uniqueArticles } from '../domain/selectors';
import { articlesInOrder } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { useConferenceState, useConnectionSnapshot, useServerTime } from '../state/hooks';
import { Panel } from '../ui/Panel';

function SpeakingTime({ row }: { row: PointRow }) {
  const speech = currentSpeech(useConferenceState());
  const text = useServerTime((now) => formatDuration(row.endedMs + (row.speaking && speech ? elapsedMs(speech, now) : 0)));
  return <>{text}</>;
}

/** Every bridge point at a glance, and who has not yet spoken to the article under discussion. */
export function SynopticPanel() {
  const t = useT();
  const state = useConferenceState();
  const { presence } = useConnectionSnapshot();
  const focus = uniqueArticles(focusArticles(state));
  const [picked, setPicked] = useState<number | undefined>();
  const article = picked ?? focus[0];
  const spoke = article === undefined ? new Set<string>() : pointsThatSpokeTo(state, article);
  const rows = pointRows(state, presence);
  const label = article === undefined ? '' : formatArticleRef({ article });
  const silent = rows.filter((r) => !r.central && !spoke.has(r.pointId));
  const picker = (
    <label className="inline-field">
      <span>{t.synoptic.chooseArticle}</span>
      <select className="input input--small" value={article ?? ''} onChange={(e) => setPicked(e.target.value ? Number(e.target.value) : undefined)}>
        {article === undefined ? <option value="">—</option> : null}
        {articlesInOrder(state.draft).map((p) => (
          <option key={p.article.number} value={p.article.number}>{formatArticleRef({ article: p.article.number })}</option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel id="synoptic" title={t.synoptic.title} actions={picker} className="panel--synoptic">
      {article !== undefined ? (
        <p className="silent" data-testid="not-spoken">
          {silent.length === 0 ? t.synoptic.allSpoken(label) : t.synoptic.notSpokenList(label, silent.length)}{' '}
          {silent.map((r) => <span key={r.pointId} className="tag tag--silent">{r.name}</span>)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table synoptic" data-testid="synoptic">
          <thead>
            <tr>
              <th scope="col">{t.synoptic.point}</th>
              <th scope="col">{t.synoptic.state}</th>
              <th scope="col" className="num">{t.synoptic.speeches}</th>
              {article !== undefined ? <th scope="col">{label}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.pointId} className={r.speaking ? 'is-speaking' : undefined} data-point-id={r.pointId}>
                <th scope="row">{r.name}</th>
                <td className="synoptic__state">
                  <span className={r.online ? 'dot--on' : 'dot--off'}><span aria-hidden="true">{r.online ? '● ' : '○ '}</span>{r.online ? t.synoptic.online : t.synoptic.offline}</span>
                  <span className={r.ready ? 'is-ready' : 'muted'}>{r.ready ? `✓ ${t.synoptic.ready}${r.delegates > 0 ? ` ${r.delegatesPresent}/${r.delegates}` : ''}` : `— ${t.synoptic.notReady}`}</span>
                  {r.speaking ? <span className="tag tag--speaking">◉ {t.synoptic.speaking}</span> : null}
                  {r.waitingAt ? <span className="tag tag--waiting">{t.synoptic.waiting(r.waitingAt)}</span> : null}
                </td>
                <td className="num">{r.speeches}<br /><span className="muted"><SpeakingTime row={r} /></span></td>
                {article !== undefined ? (
                  <td>{r.central ? '' : spoke.has(r.pointId) ? <>✓ {t.synoptic.spoken}</> : <span className="tag tag--silent" title={t.synoptic.notSpoken(label)}>✗ {t.synoptic.notYet}</span>}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
