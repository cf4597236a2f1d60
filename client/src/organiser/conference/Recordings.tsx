import { formatArticleRef, SpeechRecordingSchema, StreamInfoSchema, type SpeechRecording, type StreamInfo } from '@diem-cau/shared';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { useLocale, type Locale } from '../../i18n/i18n';
import { SpeechPlayer } from '../../ui/SpeechPlayer';

const MESSAGES = {
  vi: {
    title: 'Ghi hình phát biểu', intro: 'Mỗi phát biểu trong nhật ký được ghi hình từ luồng phát trực tiếp; khoảng trống là lúc không ghi được (FFmpeg khởi động lại, ổ đĩa đầy).',
    off: 'Máy chủ không bật phát trực tiếp và ghi hình (không có FFmpeg hoặc STREAM=off).', none: 'Chưa có phát biểu nào.',
    play: 'Nghe lại', download: 'Tải về (.mp4)', notRecorded: 'Không được ghi hình', gaps: 'có khoảng trống', deleteAll: 'Xoá toàn bộ bản ghi hình',
    confirm: 'Xoá toàn bộ bản ghi hình của hội nghị này? Không thể hoàn tác.', deleted: 'Đã xoá bản ghi hình.', failed: 'Không thực hiện được: ',
    viewerLink: 'Đường dẫn xem trực tiếp: dùng mã "Người xem" ở tab Mã tham gia.', running: 'running',
  },
  en: {
    title: 'Speech recordings', intro: 'Every speech in the log is recorded from the livestream; a gap is time not recorded (FFmpeg restarting, disk full).',
    off: 'The hub has streaming and recording off (no FFmpeg, or STREAM=off).', none: 'No speech yet.',
    play: 'Play', download: 'Download (.mp4)', notRecorded: 'Not recorded', gaps: 'with gaps', deleteAll: 'Delete all recordings',
    confirm: 'Delete every recording of this conference? This cannot be undone.', deleted: 'Recordings deleted.', failed: 'Failed: ',
    viewerLink: 'The livestream link: the "Viewer" code in the Join codes tab.', running: 'running',
  },
} satisfies Record<Locale, Record<string, string>>;

const ListSchema = z.object({ speeches: z.array(SpeechRecordingSchema) });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Issue 13: the organiser plays, downloads and deletes the recordings of a conference's speeches. `focus` opens one (a link from the minutes). */
export function Recordings({ conferenceId, token, focus, timeZone }: { conferenceId: string; token: string; focus?: string; timeZone: string }) {
  const { locale } = useLocale();
  const m = MESSAGES[locale];
  const base = `/api/conferences/${encodeURIComponent(conferenceId)}`;
  const auth = { authorization: `Bearer ${token}` };
  const [info, setInfo] = useState<StreamInfo | null>(null);
  const [speeches, setSpeeches] = useState<SpeechRecording[]>([]);
  const [playing, setPlaying] = useState<string | undefined>(focus);
  const [notice, setNotice] = useState('');
  const load = useCallback(async () => {
    const i = StreamInfoSchema.safeParse(await (await fetch(`${base}/stream`, { headers: auth })).json().catch(() => null));
    if (!i.success) return;
    setInfo(i.data);
    if (!i.data.enabled) return;
    const list = ListSchema.safeParse(await (await fetch(`${base}/recordings`, { headers: auth })).json().catch(() => null));
    if (list.success) setSpeeches(list.data.speeches);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, token]);
  useEffect(() => {
    void load();
  }, [load]);

  const download = async (speechId: string) => {
    const res = await fetch(`${base}/recordings/speeches/${encodeURIComponent(speechId)}/speech.mp4`, { headers: auth });
    if (!res.ok) {
      const e = ErrorSchema.safeParse(await res.json().catch(() => null));
      return setNotice(m.failed + (e.success ? e.data.error.message : String(res.status)));
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `phat-bieu-${speechId}.mp4`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const deleteAll = async () => {
    if (!window.confirm(m.confirm)) return;
    const res = await fetch(`${base}/recordings`, { method: 'DELETE', headers: auth });
    setNotice(res.ok ? m.deleted : m.failed + String(res.status));
    setPlaying(undefined);
    await load();
  };
  const time = (at: number) => new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);

  return (
    <section className="panel" aria-labelledby="recordings-title" data-testid="recordings">
      <header className="panel__head">
        <h2 id="recordings-title" className="panel__title">{m.title}</h2>
      </header>
      <div className="panel__body">
        {info && !info.enabled ? <p className="muted" data-testid="recordings-off">{m.off}</p> : null}
        {notice ? <p className="notice" role="status">{notice}</p> : null}
        {info?.enabled ? (
          <>
            <p className="hint">{m.intro} {m.viewerLink}</p>
            {speeches.length === 0 ? <p className="muted">{m.none}</p> : null}
            <ol className="recordings-list">
              {speeches.map((s) => (
                <li key={s.speechId} data-testid="recording" data-speech={s.speechId} data-recorded-ms={s.recordedMs}>
                  <strong>{time(s.startedAt)}</strong> · {s.delegateName} ({s.pointName}) {s.articles.length ? `· ${s.articles.map(formatArticleRef).join(', ')}` : ''} ·{' '}
                  {s.ranges.length === 0 ? <em>{m.notRecorded}</em> : <span>{clock(s.recordedMs)}{s.ranges.length > 1 ? ` (${m.gaps})` : ''}</span>}{' '}
                  {s.ranges.length > 0 ? (
                    <>
                      <button type="button" className="btn" onClick={() => setPlaying(s.speechId)} data-testid="recording-play">▶ {m.play}</button>{' '}
                      <button type="button" className="btn" onClick={() => void download(s.speechId)} data-testid="recording-download">⤓ {m.download}</button>
                    </>
                  ) : null}
                  {playing === s.speechId && s.ranges.length > 0 ? <SpeechPlayer src={`${base}/recordings/speeches/${encodeURIComponent(s.speechId)}/index.m3u8`} token={token} /> : null}
                </li>
              ))}
            </ol>
            <button type="button" className="btn btn--danger" onClick={() => void deleteAll()} data-testid="recordings-delete">{m.deleteAll}</button>
          </>
        ) : null}
      </div>
    </section>
  );
}
