import { currentSpeech } from '@diem-cau/shared';
import { useEffect, useRef } from 'react';
import { queuedRequests } from '../domain/selectors';
import type { CommandBody } from '../net/ConferenceConnection';
import { useConferenceState, useConnection } from '../state/hooks';

/** The command a key stands for, given the state; undefined when the key means nothing now. */
export function shortcutCommand(key: string, state: ReturnType<typeof useConferenceState>): CommandBody | undefined {
  const speech = currentSpeech(state);
  switch (key.toLowerCase()) {
    case 'g': {
      const next = queuedRequests(state)[0];
      return next && state.status === 'live' ? { type: 'floor.grant', requestId: next.id } : undefined;
    }
    case 'e': return speech ? { type: 'floor.release', speechId: speech.id } : undefined;
    case 'p': return speech ? { type: speech.status.kind === 'paused' ? 'floor.resume' : 'floor.pause', speechId: speech.id } : undefined;
    case '1': case '2': case '5': return speech ? { type: 'floor.extend', speechId: speech.id, seconds: Number(key) * 60 } : undefined;
    default: return undefined;
  }
}

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Single keys for the chair's frequent actions, ignored while typing or with a modifier held. */
export function useChairShortcuts(): void {
  const connection = useConnection();
  const state = useConferenceState();
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || typingInto(e.target)) return;
      const command = shortcutCommand(e.key, latest.current);
      if (!command) return;
      e.preventDefault();
      void connection.send(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [connection]);
}
