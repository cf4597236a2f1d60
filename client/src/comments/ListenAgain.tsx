import { z } from 'zod';
import { useContext, useEffect, useState } from 'react';
import { SessionContext } from '../app/sessionContext';
import { useT } from '../i18n/i18n';
import { SpeechPlayer } from '../ui/SpeechPlayer';

const ErrorSchema = z.object({ error: z.object({ code: z.string(), details: z.object({ reason: z.string() }).partial().optional() }) });

/** Whether each session's hub records, asked once per session (`GET …/stream`): without FFmpeg no button is offered. */
const recordingsOn = new Map<string, Promise<boolean>>();
function hubRecords(conferenceId: string, token: string): Promise<boolean> {
  let found = recordingsOn.get(token);
  if (!found) {
    found = fetch(`/api/conferences/${encodeURIComponent(conferenceId)}/stream`, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.json())
      .then((raw: unknown) => z.object({ enabled: z.boolean() }).safeParse(raw).data?.enabled ?? false, () => false);
    recordingsOn.set(token, found);
  }
  return found;
}

type Listening = { status: 'closed' } | { status: 'checking' } | { status: 'playing'; src: string } | { status: 'none'; notRecorded: boolean };

/**
 * "Nghe lại" on a comment made in a speech (LS12): the secretaries hear that speech's recording in their console,
 * through the organiser's player and the same API (`…/recordings/speeches/:speechId/index.m3u8`, secretaries allowed).
 * Shown to the secretary's session only; the playlist is asked first, so a speech not recorded says so in words.
 */
export function ListenAgain({ speechId }: { speechId: string }) {
  const t = useT();
  const session = useContext(SessionContext)?.session;
  const secretary = session?.role === 'secretary' ? session : undefined;
  const [listening, setListening] = useState<Listening>({ status: 'closed' });
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    if (!secretary) return;
    let stopped = false;
    void hubRecords(secretary.conferenceId, secretary.token).then((on) => !stopped && setOffered(on));
    return () => {
      stopped = true;
    };
  }, [secretary]);
  if (!secretary || !offered) return null;
  const { conferenceId, token } = secretary;
  const src = `/api/conferences/${encodeURIComponent(conferenceId)}/recordings/speeches/${encodeURIComponent(speechId)}/index.m3u8`;
  const open = async () => {
    setListening({ status: 'checking' });
    const res = await fetch(src, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    if (res?.ok) return setListening({ status: 'playing', src });
    const error = ErrorSchema.safeParse(await res?.json().catch(() => null));
    setListening({ status: 'none', notRecorded: error.data?.error.details?.reason === 'NOT_RECORDED' });
  };
  return (
    <div className="comment__listen" data-testid="comment-listen">
      {listening.status === 'closed' || listening.status === 'checking' ? (
        <button type="button" className="btn btn--ghost btn--small" disabled={listening.status === 'checking'} onClick={() => void open()} data-testid="comment-listen-open">▶ {t.comments.listen}</button>
      ) : (
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setListening({ status: 'closed' })}>{t.comments.listenClose}</button>
      )}
      {listening.status === 'playing' ? <SpeechPlayer src={listening.src} token={token} /> : null}
      {listening.status === 'none' ? <p className="muted" role="status">{listening.notRecorded ? t.comments.notRecorded : t.comments.listenFailed}</p> : null}
    </div>
  );
}
