import { remainingMs, timerPhase, type Speech, type TimerPhase } from '@diem-cau/shared';
import { formatZonedClock } from './zonedTime';

const pad = (n: number) => String(n).padStart(2, '0');

function clockText(totalS: number): string {
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A countdown reading: whole seconds rounded up both ways, so "00:00" is shown exactly at the
 * limit and the overrun reads "+00:01" one second later on every screen.
 */
export function formatCountdown(remaining: number): string {
  if (remaining >= 0) return clockText(Math.ceil(remaining / 1000));
  return `+${clockText(Math.ceil(-remaining / 1000))}`;
}

/** An elapsed duration (waiting time, speaking time so far): whole seconds rounded down. */
export function formatDuration(ms: number): string {
  return clockText(Math.max(0, Math.floor(ms / 1000)));
}

export interface TimerReading {
  text: string;
  phase: TimerPhase;
  paused: boolean;
}

export function readTimer(speech: Speech, serverNow: number, warningBeforeS: number): TimerReading {
  return {
    text: formatCountdown(remainingMs(speech, serverNow)),
    phase: timerPhase(speech, serverNow, warningBeforeS),
    paused: speech.status.kind === 'paused',
  };
}

/** Encodes a reading as one string so a ticking hook can compare it cheaply. */
export const encodeReading = (r: TimerReading) => `${r.phase}|${r.paused ? 1 : 0}|${r.text}`;

export function decodeReading(s: string): TimerReading {
  const [phase, paused, ...text] = s.split('|');
  return { phase: (phase as TimerPhase) ?? 'normal', paused: paused === '1', text: text.join('|') };
}

/** "08:05" in the conference's zone (K11), not the viewer's. */
export function formatClockTime(ms: number, locale: string, timeZone: string): string {
  return formatZonedClock(ms, locale, timeZone);
}
