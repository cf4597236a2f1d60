import { formatArticleRef, type ArticleRef, type CommentKind } from '@diem-cau/shared';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { refKey } from '../domain/articleSearch';
import { likelyDuplicateOf } from '../domain/commentMerge';
import { useT } from '../i18n/i18n';
import { useConferenceState, useConnection, useConnectionSnapshot } from '../state/hooks';
import { ArticlePicker } from '../ui/ArticlePicker';
import { KindChips } from '../ui/KindChips';
import { Panel } from '../ui/Panel';
import { DuplicateHint, type DuplicateSuggestion } from './DuplicateHint';
import { FOLLOW, resolveSpeech, SpeechChooser } from './SpeechChooser';

/** Fast entry: speaker pre-filled from the floor, articles by type-ahead, a kind, the text; Enter saves. */
export function CommentEntry() {
  const t = useT();
  const state = useConferenceState();
  const connection = useConnection();
  const { status } = useConnectionSnapshot();
  const [speechChoice, setSpeechChoice] = useState(FOLLOW);
  const [articles, setArticles] = useState<ArticleRef[]>([]);
  const [kind, setKind] = useState<CommentKind>('propose');
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const [suggestion, setSuggestion] = useState<DuplicateSuggestion | undefined>();
  // A speech ending while its comment is being typed keeps the comment on it: the choice is pinned to it.
  const floorHolder = useRef(state.currentSpeechId);
  const pinned = useRef(false);
  useEffect(() => {
    const previous = floorHolder.current;
    floorHolder.current = state.currentSpeechId;
    if (previous && previous !== state.currentSpeechId && speechChoice === FOLLOW && text.trim() !== '') {
      pinned.current = true;
      setSpeechChoice(previous);
    }
  }, [state.currentSpeechId, speechChoice, text]);
  const speechId = resolveSpeech(state, speechChoice);
  const speech = speechId ? state.speeches.get(speechId) : undefined;
  const suggested = (speech?.articles ?? []).filter((r) => !articles.some((a) => refKey(a) === refKey(r)));

  const save = () => {
    if (!text.trim()) return setNote(t.entry.empty);
    const spokenId = connection.sendReliably({ type: 'comment.log', kind, text, articles, source: 'spoken', ...(speechId ? { speechId } : {}) });
    const duplicate = likelyDuplicateOf(state, { pointId: speech?.pointId, articles });
    setSuggestion(duplicate ? { spokenId, writtenId: duplicate.written.id, articles: duplicate.articles } : undefined);
    setText('');
    setArticles([]);
    // A choice pinned by the floor changing goes back to following it; one made by hand stays.
    if (pinned.current) setSpeechChoice(FOLLOW);
    pinned.current = false;
    setNote(status === 'connected' ? t.entry.saved : t.entry.queued);
    document.getElementById('entry-articles')?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };
  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save();
    }
  };
  return (
    <Panel id="entry" title={t.entry.title} className="panel--entry">
      <form className="form entry" onSubmit={onSubmit} data-testid="comment-entry">
        <label className="field" htmlFor="entry-speech"><span className="field__label">{t.entry.speaker}</span></label>
        <SpeechChooser id="entry-speech" state={state} value={speechChoice} onChange={(v) => { pinned.current = false; setSpeechChoice(v); }} />
        <div className="field">
          <label className="field__label" htmlFor="entry-articles">{t.entry.articles}</label>
          <ArticlePicker draft={state.draft} value={articles} onChange={setArticles} inputId="entry-articles" onSubmitEmpty={() => document.getElementById('entry-text')?.focus()} />
          {suggested.length > 0 ? (
            <p className="suggest">
              <span className="muted">{t.entry.suggested}</span>
              {suggested.map((r) => (
                <button key={refKey(r)} type="button" className="btn btn--small btn--ghost" onClick={() => setArticles([...articles, r])}>+ {formatArticleRef(r)}</button>
              ))}
            </p>
          ) : null}
        </div>
        <KindChips name="entry-kind" value={kind} onChange={setKind} />
        <div className="field">
          <label className="field__label" htmlFor="entry-text">{t.entry.text}</label>
          <textarea id="entry-text" className="input entry__text" rows={4} value={text} onChange={(e) => { setText(e.target.value); setNote(undefined); }} onKeyDown={onTextKey} aria-describedby="entry-hint" />
          <p id="entry-hint" className="hint">{t.entry.textHint}</p>
        </div>
        <button type="submit" className="btn btn--primary btn--large">{t.entry.save} <kbd>Enter</kbd></button>
        <p className="ok-note" role="status" data-testid="entry-note">{note ?? ''}</p>
        {suggestion ? <DuplicateHint key={suggestion.spokenId} suggestion={suggestion} onDismiss={() => setSuggestion(undefined)} /> : null}
      </form>
    </Panel>
  );
}
