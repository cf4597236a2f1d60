import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorNote } from '../../ui/ErrorNote';
import { errorMessage, useApi } from '../api/apiContext';
import { setFlash } from '../app/flash';
import { navigate, routeHash } from '../app/route';
import { DraftSection } from '../draft/DraftSection';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { AgendaEditor } from './AgendaEditor';
import { GeneralSection } from './GeneralSection';
import { PointsEditor } from './PointsEditor';
import { SettingsSection } from './SettingsSection';
import { buildSetup, emptyForm, formFromState, type SetupForm } from './setupForm';

const SECTIONS = ['general', 'draft', 'agenda', 'points', 'settings'] as const;

function Section({ id, title, children }: { id: (typeof SECTIONS)[number]; title: string; children: ReactNode }) {
  return (
    <section id={`setup-${id}`} className="panel setup__section" aria-labelledby={`setup-${id}-title`}>
      <header className="panel__head">
        <h2 id={`setup-${id}-title`} className="panel__title" tabIndex={-1}>{title}</h2>
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}

/** Create a conference, or edit one that has not started: every part of the setup on one page. */
export function SetupPage({ conferenceId }: { conferenceId?: string }) {
  const t = useOrganiserT();
  const api = useApi();
  const [form, setForm] = useState<SetupForm | undefined>(conferenceId ? undefined : emptyForm);
  const [blocked, setBlocked] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!conferenceId) return;
    void api.state(conferenceId).then((answer) => {
      if (!answer.ok) setBlocked(answer.error.status === 404 ? t.conference.notFound : errorMessage(answer.error, t.common.network));
      else if (answer.value.status !== 'scheduled') setBlocked(t.setup.notEditable);
      else setForm(formFromState(answer.value));
    });
  }, [api, conferenceId, t]);
  const set = useCallback((patch: Partial<SetupForm>) => setForm((f) => (f ? { ...f, ...patch } : f)), []);
  const setDraft = useCallback((draft: SetupForm['draft']) => set({ draft }), [set]);

  if (blocked) return <div className="org-page"><p className="notice" role="alert">{blocked}</p><a className="btn" href={conferenceId ? routeHash({ page: 'conference', id: conferenceId, tab: 'codes' }) : '#/'}>{t.common.back}</a></div>;
  if (!form) return <p className="muted" role="status">{t.common.loading}</p>;

  const submit = async () => {
    setError(undefined);
    const built = buildSetup(form, t);
    if (!built.ok) {
      setProblems(built.errors);
      window.requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setProblems([]);
    setBusy(true);
    const answer = conferenceId ? await api.update(conferenceId, built.setup) : await api.create(built.setup);
    setBusy(false);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    const id = conferenceId ?? ('conferenceId' in answer.value ? answer.value.conferenceId : '');
    setFlash(conferenceId ? t.conference.updated : t.conference.created);
    navigate({ page: 'conference', id, tab: 'codes' });
  };
  const s = t.setup.sections;
  return (
    <div className="org-page setup">
      <header className="org-page__head">
        <h1 className="org-page__title">{conferenceId ? t.setup.editTitle : t.setup.newTitle}</h1>
        <a className="btn btn--ghost" href={conferenceId ? routeHash({ page: 'conference', id: conferenceId, tab: 'codes' }) : '#/'}>{t.common.cancel}</a>
      </header>
      <div className="setup__layout">
        <nav className="setup__nav" aria-label={conferenceId ? t.setup.editTitle : t.setup.newTitle}>
          <ol>{SECTIONS.map((id) => <li key={id}><a href={`#setup-${id}`} onClick={(e) => { e.preventDefault(); document.getElementById(`setup-${id}`)?.scrollIntoView({ behavior: 'smooth' }); document.getElementById(`setup-${id}-title`)?.focus(); }}>{s[id]}</a></li>)}</ol>
        </nav>
        <div className="setup__sections">
          <Section id="general" title={s.general}>
            <GeneralSection value={form} onChange={set} />
          </Section>
          <Section id="draft" title={s.draft}>
            <DraftSection value={form.draft} onChange={setDraft} />
          </Section>
          <Section id="agenda" title={s.agenda}>
            <AgendaEditor agenda={form.agenda} draft={form.draft?.draft ?? null} onChange={(agenda) => set({ agenda })} />
          </Section>
          <Section id="points" title={s.points}>
            <PointsEditor value={{ central: form.central, points: form.points }} onChange={(v) => set(v)} />
          </Section>
          <Section id="settings" title={s.settings}>
            <SettingsSection value={form.settings} onChange={(p) => set({ settings: { ...form.settings, ...p } })} />
          </Section>
          <div className="setup__submit">
            {problems.length > 0 ? (
              <div className="error-note setup__problems" role="alert" tabIndex={-1} ref={problemsRef} data-testid="setup-problems">
                <p>{t.setup.fixErrors(problems.length)}</p>
                <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
              </div>
            ) : null}
            <ErrorNote message={error} />
            <button type="button" className="btn btn--primary btn--large" disabled={busy} onClick={() => void submit()}>
              {conferenceId ? (busy ? t.setup.updating : t.setup.update) : busy ? t.setup.creating : t.setup.create}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
