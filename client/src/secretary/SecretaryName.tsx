import { SESSION_NAME_MAX_CHARS } from '@diem-cau/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../app/sessionContext';
import { deviceName, rememberDeviceName, sendSessionName, type NameOutcome } from '../app/sessionName';
import { nameStoredSession } from '../app/sessionStore';
import { useT } from '../i18n/i18n';

type Failure = Extract<NameOutcome, { ok: false }>['reason'];

/**
 * Names the session (C12). Asked once after joining; a name this device remembers is sent by itself, so a
 * secretary who joins again is not asked twice. Once the hub confirms, the stored session carries the name
 * and SessionView reconnects, so what this console logs next is stamped with it.
 */
function useSessionName() {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  // Once a name was sent (typed or remembered), the remembered one is not sent again by itself.
  const offered = useRef(false);
  const save = async (raw: string): Promise<boolean> => {
    offered.current = true;
    setBusy(true);
    setFailure(undefined);
    const outcome = await sendSessionName(session.token, raw);
    setBusy(false);
    if (!outcome.ok) {
      setFailure(outcome.reason);
      return false;
    }
    rememberDeviceName(outcome.name);
    nameStoredSession(session.token, outcome.name);
    return true;
  };
  useEffect(() => {
    const known = deviceName();
    if (session.name || !known || offered.current) return;
    void save(known);
  });
  return { name: session.name, busy, failure, save };
}

/** "Người ghi: Nguyễn Thị Lan · Đổi tên", and the question itself while the session has no name. */
export function SecretaryName() {
  const t = useT();
  const { name, busy, failure, save } = useSessionName();
  const [open, setOpen] = useState(() => !name && !deviceName());
  return (
    <div className="my-name" data-testid="my-name">
      <span className="field__label">{t.myName.as}:</span>
      {name ? <strong data-testid="my-name-value">{name}</strong> : <span className="muted">{t.myName.none}</span>}
      {open ? null : <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(true)}>{name ? t.myName.change : t.myName.set}</button>}
      {open ? <NameDialog initial={name ?? deviceName() ?? ''} busy={busy} failure={failure} onSave={async (raw) => (await save(raw)) && setOpen(false)} onLater={() => setOpen(false)} /> : null}
    </div>
  );
}

interface DialogProps {
  initial: string;
  busy: boolean;
  failure: Failure | undefined;
  onSave(raw: string): Promise<unknown>;
  onLater(): void;
}

function NameDialog({ initial, busy, failure, onSave, onLater }: DialogProps) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(value);
  };
  return (
    // Not modal: the console stays usable, so a secretary who joins mid-speech logs first and answers after.
    <div className="name-dialog" role="dialog" aria-labelledby="my-name-title" data-testid="name-dialog">
      <form className="name-dialog__card" onSubmit={submit}>
        <h2 id="my-name-title" className="panel__title">{t.myName.title}</h2>
        <p className="hint">{t.myName.intro}</p>
        <label className="field">
          <span className="field__label">{t.myName.label}</span>
          <input className="input" name="my-name" value={value} maxLength={SESSION_NAME_MAX_CHARS} placeholder={t.myName.placeholder} autoComplete="name" autoFocus onChange={(e) => setValue(e.target.value)} />
        </label>
        {failure ? <p className="notice" role="alert">{t.myName.failed[failure]}</p> : null}
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={busy || value.trim() === ''}>{busy ? t.myName.saving : t.myName.save}</button>
          <button type="button" className="btn btn--ghost" onClick={onLater}>{t.myName.later}</button>
        </div>
      </form>
    </div>
  );
}
