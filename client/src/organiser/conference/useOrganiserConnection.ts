import { useEffect, useState } from 'react';
import { ConferenceConnection } from '../../net/ConferenceConnection';
import type { OutboxItem } from '../../net/outbox';
import { memoryStateCache } from '../../net/stateCache';
import { socketTransport } from '../../net/transport';
import { errorMessage } from '../api/apiContext';
import type { OrganiserApi } from '../api/organiserApi';
import { organiserSessionToken } from './organiserSession';

export type OrganiserLink =
  | { status: 'opening' }
  | { status: 'failed'; message: string; notFound: boolean }
  | { status: 'open'; token: string; connection: ConferenceConnection };

/**
 * The organiser's live view of one conference: an organiser session over the same socket the
 * consoles use, so comments and responses appear as they are logged. Nothing is kept on the
 * device: the organiser has no offline work to protect.
 */
export function useOrganiserConnection(api: OrganiserApi, conferenceId: string, network: string): OrganiserLink {
  const [link, setLink] = useState<OrganiserLink>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let stopped = false;
    let connection: ConferenceConnection | undefined;
    let unsubscribe: (() => void) | undefined;
    void organiserSessionToken(api, conferenceId, attempt > 0).then((token) => {
      if (stopped) return;
      if (!token.ok) return setLink({ status: 'failed', message: errorMessage(token.error, network), notFound: token.error.status === 404 });
      let items: OutboxItem[] = [];
      connection = new ConferenceConnection({
        conferenceId, transport: socketTransport(token.value), cache: memoryStateCache(),
        outboxStorage: { load: () => items, save: (next) => void (items = next) },
      });
      const c = connection;
      // A session the hub no longer knows (expired, store reset): ask for a new one once.
      unsubscribe = c.subscribe(() => {
        if (c.getSnapshot().fatal && attempt === 0) setAttempt(1);
      });
      c.start();
      setLink({ status: 'open', token: token.value, connection: c });
    });
    return () => {
      stopped = true;
      unsubscribe?.();
      connection?.stop();
    };
  }, [api, conferenceId, attempt, network]);
  return link;
}
