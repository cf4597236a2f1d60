import { formatArticleRef, listOf } from '@diem-cau/shared';
import type { ArticleStats } from '../domain/commentStats';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';

const LEVELS = 4;

/** Article × point: how many comments each point made on each article; the number is always printed. */
export function Heatmap({ rows }: { rows: ArticleStats[] }) {
  const t = useT();
  const state = useConferenceState();
  const points = listOf(state.points);
  const max = Math.max(1, ...rows.flatMap((r) => Object.values(r.byPoint)));
  return (
    <div className="table-wrap">
      <table className="table heatmap" data-testid="heatmap">
        <caption className="sr-only">{t.byArticle.heatmap}</caption>
        <thead>
          <tr>
            <th scope="col">{t.byArticle.article}</th>
            {points.map((p) => <th key={p.id} scope="col" className="heatmap__point"><span>{p.name}</span></th>)}
            <th scope="col" className="num">{t.byArticle.total}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const label = formatArticleRef({ article: r.article });
            return (
              <tr key={r.article} className={r.count === 0 ? 'is-uncommented' : undefined}>
                <th scope="row">{label}</th>
                {points.map((p) => {
                  const n = r.byPoint[p.id] ?? 0;
                  const level = n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * LEVELS));
                  return (
                    <td key={p.id} className={`heat heat--${level}`} aria-label={t.byArticle.heatCell(label, p.name, n)}>
                      {n === 0 ? '·' : n}
                    </td>
                  );
                })}
                <td className="num"><strong>{r.count}</strong></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
