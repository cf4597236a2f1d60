import type { Speech } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { decodeReading, encodeReading, readTimer } from '../domain/format';
import { useConferenceState, useServerTime } from '../state/hooks';

const PHASE_ICON = { normal: '', warning: '⚠', overrun: '!' } as const;

/**
 * The speech countdown, drawn from the server clock (startedAt + limit + extensions − pauses),
 * so every screen shows the same second. Amber near the limit, red past it, and always a word
 * and an icon too: colour is never the only signal.
 */
export function SpeechTimer({ speech, size = 'large' }: { speech: Speech; size?: 'medium' | 'large' | 'huge' }) {
  const t = useT();
  const warningS = useConferenceState().settings.warningBeforeS;
  const reading = decodeReading(useServerTime((now) => encodeReading(readTimer(speech, now, warningS))));
  const caption = reading.paused ? t.speech.paused : reading.phase === 'overrun' ? t.speech.overrun : reading.phase === 'warning' ? t.speech.warning : t.speech.remaining;
  return (
    <div className={`timer timer--${size} timer--${reading.phase}${reading.paused ? ' timer--paused' : ''}`} data-testid="timer" data-phase={reading.phase}>
      <span className="timer__caption">
        {reading.paused ? <span aria-hidden="true">❚❚ </span> : PHASE_ICON[reading.phase] ? <span aria-hidden="true">{PHASE_ICON[reading.phase]} </span> : null}
        {caption}
      </span>
      <span className="timer__digits" data-testid="timer-digits" aria-live="off">
        {reading.text}
      </span>
    </div>
  );
}
