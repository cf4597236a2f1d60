import type { Article } from '@diem-cau/shared';
import { useEffect, useRef } from 'react';
import { focusArticles, uniqueArticles } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { Panel } from '../ui/Panel';

function ArticleText({ article, focus }: { article: Article; focus: boolean }) {
  const t = useT();
  return (
    <article className={`draft__article${focus ? ' is-focus' : ''}`} id={`dieu-${article.number}`} data-article={article.number} aria-current={focus ? 'true' : undefined}>
      <h4 className="draft__heading">
        {focus ? <span className="tag tag--live">▶ {t.draft.discussed}</span> : null}
        Điều {article.number}. {article.title}
      </h4>
      {article.intro ? <p>{article.intro}</p> : null}
      {article.clauses.map((c) => (
        <div key={c.number} className="draft__clause">
          <p>{t.draft.clause(c.number)} {c.text}</p>
          {c.items.map((i) => <p key={i.letter} className="draft__item">{i.letter}) {i.text}</p>)}
        </div>
      ))}
    </article>
  );
}

/** The full draft, the article under discussion highlighted and scrolled into view when it changes. */
export function DraftText() {
  const t = useT();
  const state = useConferenceState();
  const focus = uniqueArticles(focusArticles(state));
  const box = useRef<HTMLDivElement>(null);
  const first = focus[0];
  useEffect(() => {
    if (first === undefined) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-article="${first}"]`);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [first]);
  const { draft } = state;
  return (
    <Panel id="draft" title={t.draft.title} className="panel--draft">
      <div className="draft" ref={box}>
        <h3 className="draft__title">{draft.title}</h3>
        {draft.articles.map((a) => <ArticleText key={a.number} article={a} focus={focus.includes(a.number)} />)}
        {draft.chapters.map((c) => (
          <section key={c.number} className="draft__chapter">
            <h3 className="draft__chapter-title">{t.request.chapter(c.number, c.title)}</h3>
            {c.articles.map((a) => <ArticleText key={a.number} article={a} focus={focus.includes(a.number)} />)}
            {c.sections.map((s) => (
              <section key={s.number}>
                <h4 className="draft__section-title">Mục {s.number}. {s.title}</h4>
                {s.articles.map((a) => <ArticleText key={a.number} article={a} focus={focus.includes(a.number)} />)}
              </section>
            ))}
          </section>
        ))}
      </div>
    </Panel>
  );
}
