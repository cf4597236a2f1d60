import { FloorPrioritySchema, listOf, type ArticleRef, type FloorPriority } from '@diem-cau/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { activeAgendaItem, focusArticles, invitesRequests, uniqueArticles } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticlePicker } from '../ui/ArticlePicker';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';
import { ArticleTree } from './ArticleTree';

const OTHER = '__other__';
const SENT_NOTE_MS = 4_000;

const collator = new Intl.Collator('vi');

/**
 * Asking for the floor: which delegate, about which articles, a short topic, and its priority. The chair
 * files one on a point's behalf (`onBehalf`, F4) with `pickPoint`: a point chosen first, and the list may
 * be closed to points but not to the chair (F6).
 */
export function RequestForm({ pointId: ownPoint, pickPoint = false, onDone }: { pointId: string; pickPoint?: boolean; onDone?: () => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const choices = pickPoint ? listOf(state.points).filter((p) => p.kind !== 'central').sort((a, b) => collator.compare(a.name, b.name)) : [];
  const [picked, setPicked] = useState(choices[0]?.id ?? '');
  const pointId = pickPoint ? picked : ownPoint;
  const delegates = state.points.get(pointId)?.delegates ?? [];
  const [delegateId, setDelegateId] = useState(delegates[0]?.id ?? OTHER);
  const pick = (id: string) => {
    setPicked(id);
    setDelegateId(state.points.get(id)?.delegates[0]?.id ?? OTHER);
  };
  const [other, setOther] = useState({ name: '', position: '' });
  const [articles, setArticles] = useState<ArticleRef[]>([]);
  const [topic, setTopic] = useState('');
  const [priority, setPriority] = useState<FloorPriority>('normal');
  const [sent, setSent] = useState(false);
  const registered = delegates.find((d) => d.id === delegateId);
  useEffect(() => {
    if (!sent) return undefined;
    const t = setTimeout(() => setSent(false), SENT_NOTE_MS);
    return () => clearTimeout(t);
  }, [sent]);
  const closed = state.status === 'ended' || (!state.queueOpen && !pickPoint);
  // Outside a discussion item a point is asked once before filing (the chair's own form is never held back).
  const [early, setEarly] = useState(false);
  const holdBack = !pickPoint && state.status === 'live' && !invitesRequests(state) && !early;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const delegate = registered ? { delegateId: registered.id, name: registered.name, position: registered.position } : other;
    const ok = await run({ type: 'floor.request', pointId, delegate, articles, topic, priority });
    setSent(ok);
    if (ok) {
      setArticles([]);
      setTopic('');
      setPriority('normal');
      onDone?.();
    }
  };
  return (
    <Panel id={pickPoint ? 'on-behalf' : 'request'} title={pickPoint ? t.onBehalf.title : t.request.title}>
      {pickPoint ? <p className="muted">{t.onBehalf.hint}</p> : null}
      {closed ? <p className="notice" role="status">⊘ {state.status === 'ended' ? t.request.ended : t.request.closed}</p> : null}
      {holdBack && !closed ? (
        <div className="notice" role="status" data-testid="request-not-discussion">
          <p>{t.request.notDiscussion(activeAgendaItem(state)?.title ?? '')}</p>
          <button type="button" className="btn btn--small" onClick={() => setEarly(true)}>{t.request.sendAnyway}</button>
        </div>
      ) : null}
      {state.status === 'ended' || (holdBack && !closed) ? null : <form className="form" onSubmit={submit} onChange={() => setSent(false)}>
        <fieldset className="form__group" disabled={closed}>
          {pickPoint ? (
            <label className="field">
              <span className="field__label">{t.onBehalf.point}</span>
              <select className="input" value={picked} onChange={(e) => pick(e.target.value)} name="point">
                {choices.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span className="field__label">{t.request.delegate}</span>
            <select className="input" value={delegateId} onChange={(e) => setDelegateId(e.target.value)} name="delegate">
              {delegates.map((d) => <option key={d.id} value={d.id}>{d.name}{d.position ? ` — ${d.position}` : ''}</option>)}
              <option value={OTHER}>{t.request.other}</option>
            </select>
          </label>
          {!registered ? (
            <div className="form__row">
              <label className="field"><span className="field__label">{t.request.name}</span><input className="input" required value={other.name} onChange={(e) => setOther({ ...other, name: e.target.value })} name="delegate-name" /></label>
              <label className="field"><span className="field__label">{t.request.position}</span><input className="input" value={other.position} onChange={(e) => setOther({ ...other, position: e.target.value })} name="delegate-position" /></label>
            </div>
          ) : null}
          <div className="field">
            <span className="field__label">{t.request.articles}</span>
            <ArticleTree draft={state.draft} value={articles} onChange={setArticles} highlight={uniqueArticles(focusArticles(state))} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${pickPoint ? 'on-behalf' : 'request'}-refs`}>{t.request.typeRefs}</label>
            <ArticlePicker draft={state.draft} value={articles} onChange={setArticles} inputId={`${pickPoint ? 'on-behalf' : 'request'}-refs`} />
          </div>
          <label className="field">
            <span className="field__label">{t.request.topic}</span>
            <input className="input" value={topic} maxLength={300} onChange={(e) => setTopic(e.target.value)} name="topic" />
          </label>
          <fieldset className="segmented">
            <legend className="field__label">{t.request.priority}</legend>
            {FloorPrioritySchema.options.map((p) => (
              <label key={p} className="segmented__opt">
                <input type="radio" name="priority" checked={priority === p} onChange={() => setPriority(p)} />
                <span>{t.priorityLong[p]}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn btn--primary btn--large" disabled={busy || !pointId}>{pickPoint ? t.onBehalf.submit : t.request.submit}</button>
          {sent ? <p className="ok-note" role="status">✓ {t.request.sent}</p> : null}
        </fieldset>
      </form>}
      <ErrorNote message={error} />
    </Panel>
  );
}
