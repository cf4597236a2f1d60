import { DiscussionModeSchema } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';

/** Start / end, the discussion mode and the speakers list: the conference-wide switches. */
export function ConferenceControls() {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const mode = state.settings.discussionMode;
  return (
    <section className="controls" aria-label={t.conference.mode}>
      {state.status === 'scheduled' ? (
        <ConfirmButton
          className="btn btn--primary" label={t.conference.start} question={t.conference.startConfirm}
          confirmLabel={t.conference.confirmStart} cancelLabel={t.queue.cancel} onConfirm={() => void run({ type: 'conference.start' })}
        />
      ) : null}
      {state.status === 'live' ? (
        <ConfirmButton
          className="btn btn--danger-ghost" label={t.conference.end} question={t.conference.endConfirm}
          confirmLabel={t.conference.confirmEnd} cancelLabel={t.queue.cancel} onConfirm={() => void run({ type: 'conference.end' })}
        />
      ) : null}
      <fieldset className="segmented" disabled={state.status === 'ended'}>
        <legend className="segmented__legend">{t.conference.mode}</legend>
        {DiscussionModeSchema.options.map((m) => (
          <label key={m} className="segmented__opt">
            <input type="radio" name="discussion-mode" checked={mode === m} onChange={() => void run({ type: 'discussion.setMode', mode: m })} />
            <span>{t.conference.modes[m]}</span>
          </label>
        ))}
      </fieldset>
      <span className={`chip ${state.queueOpen ? 'chip--open' : 'chip--closed'}`} data-testid="queue-state">
        <span aria-hidden="true">{state.queueOpen ? '○ ' : '⊘ '}</span>
        {state.queueOpen ? t.conference.queueIsOpen : t.conference.queueIsClosed}
      </span>
      {state.status !== 'ended' ? (
        <button type="button" className="btn btn--small" onClick={() => void run({ type: state.queueOpen ? 'queue.close' : 'queue.open' })}>
          {state.queueOpen ? t.conference.queueClose : t.conference.queueOpen}
        </button>
      ) : null}
      <ErrorNote message={error} />
    </section>
  );
}
