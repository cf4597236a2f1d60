import { FOLLOW_WORDS_EN, FOLLOW_WORDS_VI, followedLabel, formatRefs, refsInRevision, type Comment, type ConferenceState } from '@diem-cau/shared';
import { useState } from 'react';
import { KeptBadge } from '../../comments/MergeNotes';
import { pointName } from '../../domain/selectors';
import { useLocale, useT } from '../../i18n/i18n';
import { routeHash } from '../app/route';
import { ArticleRefs } from '../../ui/ArticleRefs';
import { KindBadge } from '../../ui/KindChips';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { commentsByArticle } from './commentsByArticle';
import { ResponseForm } from './ResponseForm';

/** The drafting team's answers, article by article, for the synthesis report's response column. */
/** `recordingsOn`: the hub records (issue 13): a comment made in a speech links to that speech's recording. */
export function Responses({ state, recordingsOn = false }: { state: ConferenceState; recordingsOn?: boolean }) {
  const t = useOrganiserT();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const groups = commentsByArticle(state);
  const all = groups.flatMap((g) => g.comments);
  const done = all.filter((c) => c.response).length;
  return (
    <section className="panel" aria-labelledby="responses-title">
      <header className="panel__head">
        <h2 id="responses-title" className="panel__title">{t.responses.title}</h2>
        <div className="panel__actions">
          <span className={`chip ${done === all.length && all.length > 0 ? 'chip--open' : 'chip--warn'}`} data-testid="responses-progress">{t.responses.progress(done, all.length)}</span>
          <fieldset className="segmented responses__filter">
            <legend className="sr-only">{t.responses.filter}</legend>
            <label className="segmented__opt"><input type="radio" name="responses-filter" checked={!onlyOpen} onChange={() => setOnlyOpen(false)} />{t.responses.filterAll}</label>
            <label className="segmented__opt"><input type="radio" name="responses-filter" checked={onlyOpen} onChange={() => setOnlyOpen(true)} />{t.responses.filterOpen} ({all.length - done})</label>
          </fieldset>
        </div>
      </header>
      <div className="panel__body">
        <p className="hint">{t.responses.intro}</p>
        {all.length === 0 ? <p className="empty">{t.responses.none}</p> : null}
        {groups.map((g) => {
          const shown = onlyOpen ? g.comments.filter((c) => !c.response) : g.comments;
          const heading = g.article === undefined ? t.responses.general : t.responses.articleHeading(g.article, g.title);
          return (
            <section key={g.article ?? 'general'} className="responses__group" aria-label={heading}>
              <h3 className="responses__article">{heading} <span className="muted">· {t.responses.count(g.comments.length)}</span></h3>
              {shown.length === 0 ? <p className="muted">{t.responses.allDone}</p> : null}
              <ul className="comments">{shown.map((c) => <ResponseItem key={c.id} comment={c} state={state} recordingsOn={recordingsOn} />)}</ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function ResponseItem({ comment: c, state, recordingsOn }: { comment: Comment; state: ConferenceState; recordingsOn: boolean }) {
  const t = useOrganiserT();
  const common = useT();
  const { locale } = useLocale();
  const speaker = c.delegate ? t.responses.speaker(c.delegate.name, c.delegate.position) : '';
  const newPlace = formatRefs(refsInRevision(state, c.articles));
  return (
    <li className="comment response-item" data-testid="response-item" data-comment-id={c.id}>
      <div className="comment__meta">
        <KindBadge kind={c.kind} />
        <ArticleRefs refs={c.articles} />
        <KeptBadge comment={c} />
        <span className="comment__time muted">{c.source === 'written' ? common.comments.written : common.comments.spoken}</span>
      </div>
      {state.revision ? <p className="muted response-item__followed" data-testid="response-followed">{followedLabel(state, c.articles, locale === 'vi' ? FOLLOW_WORDS_VI : FOLLOW_WORDS_EN)}</p> : null}
      <p className="comment__text">{c.text}</p>
      <p className="muted response-item__who">
        {[speaker, pointName(state, c.pointId)].filter(Boolean).join(' · ')}
        {recordingsOn && c.speechId ? (
          <>
            {' · '}
            <a href={routeHash({ page: 'conference', id: state.id, tab: 'recordings', speechId: c.speechId })} data-testid="response-recording">
              ▶ {locale === 'vi' ? 'Nghe lại phát biểu' : 'Play the speech'}
            </a>
          </>
        ) : null}
      </p>
      <ResponseForm comment={c} {...(newPlace ? { newPlace } : {})} />
    </li>
  );
}
