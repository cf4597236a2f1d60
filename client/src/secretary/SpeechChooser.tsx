import { listOf, type ConferenceState } from '@diem-cau/shared';
import { pointName } from '../domain/selectors';
import { useT } from '../i18n/i18n';

export const FOLLOW = '__follow__';
export const NO_SPEECH = '__none__';

/**
 * The speech a new comment belongs to: following the floor by default — with nobody speaking that is no
 * speech (a general comment), never the previous speaker — or one picked by hand.
 */
export function resolveSpeech(state: ConferenceState, choice: string): string | undefined {
  if (choice === NO_SPEECH) return undefined;
  if (choice === FOLLOW) return state.currentSpeechId;
  return state.speeches.get(choice) ? choice : undefined;
}

export function SpeechChooser({ state, value, onChange, id }: { state: ConferenceState; value: string; onChange: (v: string) => void; id: string }) {
  const t = useT();
  const speeches = [...listOf(state.speeches)].reverse();
  const followed = resolveSpeech(state, FOLLOW);
  const label = (speechId: string | undefined) => {
    const s = speechId ? state.speeches.get(speechId) : undefined;
    if (!s) return t.entry.speakerNone;
    return `${s.delegate.name} · ${pointName(state, s.pointId)}${s.id === state.currentSpeechId ? ` (${t.entry.current})` : ''}`;
  };
  return (
    <select id={id} className="input speech-chooser" value={value} onChange={(e) => onChange(e.target.value)} data-testid="speech-chooser">
      <option value={FOLLOW}>▶ {label(followed)}</option>
      {speeches.map((s) => <option key={s.id} value={s.id}>{label(s.id)}</option>)}
      <option value={NO_SPEECH}>{t.entry.speakerNone}</option>
    </select>
  );
}
