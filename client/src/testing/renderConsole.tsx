import type { ConferenceState } from '@diem-cau/shared';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { SessionContext } from '../app/sessionContext';
import type { StoredSession } from '../app/sessionStore';
import { LocaleProvider } from '../i18n/i18n';
import { type ServerClock } from '../net/clockSync';
import { ConferenceConnection } from '../net/ConferenceConnection';
import type { OutboxItem } from '../net/outbox';
import { memoryStateCache } from '../net/stateCache';
import type { Transport } from '../net/transport';
import { ConnectionContext } from '../state/hooks';

/** A hub stand-in that is always connected, acks every command and remembers them. */
export class RecordingTransport implements Transport {
  connected = true;
  commands: Array<Record<string, unknown>> = [];
  open() {}
  pause() {}
  reconnect() {}
  close() {}
  async request(event: string, payload: unknown) {
    if (event === 'command') this.commands.push(payload as Record<string, unknown>);
    return { ok: true, seq: this.commands.length, events: [] };
  }
}

export interface RenderOptions {
  session?: Partial<StoredSession>;
  clock?: ServerClock;
}

/** Renders a piece of a console on a given conference state, as a connected session would see it. */
export function renderConsole(ui: ReactElement, state: ConferenceState, opts: RenderOptions = {}) {
  const transport = new RecordingTransport();
  const cache = memoryStateCache();
  cache.save(state);
  let items: OutboxItem[] = [];
  const connection = new ConferenceConnection({
    conferenceId: state.id, transport, cache, outboxStorage: { load: () => items, save: (next) => void (items = next) },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const session: StoredSession = { token: 'x'.repeat(24), role: 'chair', conferenceId: state.id, label: 'Chủ trì', expiresAt: Date.now() + 3_600_000, ...opts.session };
  const result = render(
    <LocaleProvider initial="vi">
      <SessionContext.Provider value={{ session, leave: () => undefined }}>
        <ConnectionContext.Provider value={connection}>{ui}</ConnectionContext.Provider>
      </SessionContext.Provider>
    </LocaleProvider>,
  );
  return { ...result, transport, connection };
}
