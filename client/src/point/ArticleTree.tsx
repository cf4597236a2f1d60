import type { ArticleRef, Draft } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

/**
 * The draft's chapters and articles as checkboxes, for picking what a request is about. A checkbox stands
 * for the whole article; clauses and points (khoản, điểm) picked elsewhere stay in `value` beside it.
 */
export function ArticleTree({ draft, value, onChange, highlight }: { draft: Draft; value: ArticleRef[]; onChange: (refs: ArticleRef[]) => void; highlight: number[] }) {
  const t = useT();
  const whole = (r: ArticleRef) => r.clause === undefined && r.item === undefined;
  const chosen = new Set(value.filter(whole).map((r) => r.article));
  const toggle = (n: number) => onChange(chosen.has(n) ? value.filter((r) => !(whole(r) && r.article === n)) : [...value, { article: n }]);
  const groups = [
    ...(draft.articles.length > 0 ? [{ key: '-', title: '', articles: draft.articles }] : []),
    ...draft.chapters.map((c) => ({ key: c.number, title: t.request.chapter(c.number, c.title), articles: [...c.articles, ...c.sections.flatMap((s) => s.articles)] })),
  ];
  return (
    <div className="tree" data-testid="article-tree">
      {groups.map((g) => {
        const picked = g.articles.filter((a) => chosen.has(a.number)).length;
        return (
          <details key={g.key} className="tree__chapter" open={picked > 0 || g.articles.some((a) => highlight.includes(a.number))}>
            <summary>
              {g.title}
              {picked > 0 ? <span className="chip chip--small">{picked}</span> : null}
            </summary>
            <ul className="tree__articles">
              {g.articles.map((a) => (
                <li key={a.number}>
                  <label className={`tree__article${highlight.includes(a.number) ? ' is-focus' : ''}`}>
                    <input type="checkbox" checked={chosen.has(a.number)} onChange={() => toggle(a.number)} />
                    <span><strong>Điều {a.number}.</strong> {a.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      <p className="muted" aria-live="polite">{t.request.selected(value.length)}</p>
    </div>
  );
}
