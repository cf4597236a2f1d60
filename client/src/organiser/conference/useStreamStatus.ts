import { StreamInfoSchema, StreamNoticeSchema, type StreamWarning } from '@diem-cau/shared';
import { useEffect, useState } from 'react';
import { listenOnHubSocket } from '../../net/hubSocket';

export interface StreamStatus {
  /** Whether the hub streams and records: unknown (undefined) until it answers (LS5). */
  enabled: boolean | undefined;
  /** The stream's trouble for the organiser (disk full, FFmpeg restarting), null when there is none (LS11). */
  warning: StreamWarning | null;
}

/**
 * The livestream as the organiser's workspace follows it: asked once (`GET …/stream`) on every (re)connection of the
 * session's socket, which it shares with the workspace's log, and kept current by the hub's `stream` notices, so a
 * warning shows on every tab as it starts and goes when it clears.
 */
export function useStreamStatus(conferenceId: string, token: string): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>({ enabled: undefined, warning: null });
  useEffect(() => {
    let stopped = false;
    const ask = () =>
      void fetch(`/api/conferences/${encodeURIComponent(conferenceId)}/stream`, { headers: { authorization: `Bearer ${token}` } })
        .then((r) => r.json())
        .then((raw: unknown) => {
          const info = StreamInfoSchema.safeParse(raw);
          if (!stopped) setStatus({ enabled: info.data?.enabled ?? false, warning: info.data?.warning ?? null });
        })
        .catch(() => !stopped && setStatus((s) => ({ ...s, enabled: s.enabled ?? false })));
    const { release } = listenOnHubSocket(token, undefined, {
      connect: ask,
      stream: (raw: unknown) => {
        const notice = StreamNoticeSchema.safeParse(raw);
        if (notice.success && !stopped) setStatus((s) => ({ ...s, warning: notice.data.warning }));
      },
    });
    return () => {
      stopped = true;
      release();
    };
  }, [conferenceId, token]);
  return status;
}
