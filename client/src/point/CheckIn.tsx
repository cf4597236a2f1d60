import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';
import { DeviceCheck } from '../media';

/** Before the start: connection and sound tested, who of the delegation is in the room. */
export function CheckIn({ pointId }: { pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const point = state.points.get(pointId);
  const saved = point?.checkIn;
  const [form, setForm] = useState({
    connectionChecked: saved?.connectionChecked ?? false,
    soundChecked: saved?.soundChecked ?? false,
    delegatesPresent: saved?.delegatesPresent ?? (point?.delegates.map((d) => d.id) ?? []),
  });
  // Before the start the form is open; once live it folds away so the floor and the request come first.
  const [editing, setEditing] = useState(!saved?.ready && state.status === 'scheduled');
  if (!point || state.status === 'ended') return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run({ type: 'point.ready', pointId, ready: true, ...form })) setEditing(false);
  };
  const togglePresent = (id: string) =>
    setForm((f) => ({ ...f, delegatesPresent: f.delegatesPresent.includes(id) ? f.delegatesPresent.filter((d) => d !== id) : [...f.delegatesPresent, id] }));
  if (!editing) {
    return saved?.ready ? (
      <p className="ok-note checkin-done" data-testid="checked-in">
        ✓ {t.checkIn.done} ({saved.delegatesPresent.length}/{point.delegates.length})
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(true)}>{t.checkIn.update}</button>
      </p>
    ) : (
      <p className="notice checkin-todo">
        — {t.checkIn.notDone}
        <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>{t.checkIn.open}</button>
      </p>
    );
  }
  return (
    <Panel id="check-in" title={t.checkIn.title} className="panel--checkin">
      <form className="form" onSubmit={submit}>
        <label className="check"><input type="checkbox" checked={form.connectionChecked} onChange={(e) => setForm({ ...form, connectionChecked: e.target.checked })} /> {t.checkIn.connection}</label>
        <label className="check"><input type="checkbox" checked={form.soundChecked} onChange={(e) => setForm({ ...form, soundChecked: e.target.checked })} /> {t.checkIn.sound}</label>
        <DeviceCheck onChecked={({ microphone }) => { if (microphone) setForm((f) => ({ ...f, soundChecked: true })); }} />
        {point.delegates.length > 0 ? (
          <fieldset className="form__group">
            <legend className="field__label">{t.checkIn.present}</legend>
            {point.delegates.map((d) => (
              <label key={d.id} className="check">
                <input type="checkbox" checked={form.delegatesPresent.includes(d.id)} onChange={() => togglePresent(d.id)} /> {d.name}
                {d.position ? <span className="muted"> · {d.position}</span> : null}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy}>✓ {t.checkIn.submit}</button>
      </form>
      <ErrorNote message={error} />
    </Panel>
  );
}
