import { formatArticleRef } from '../../../shared/src/comments/articleRefs';
import { StreamInfoSchema, streamElapsedS, type StreamNow } from '../../../shared/src/stream/streamNow';
import Hls from 'hls.js/light';
import './viewer.css';
import { iconElement } from '../ui/icons';
import { viewerWords } from './viewerWords';

/**
 * The viewer page (issue 13): a commune's screen watches the floor with a view-only code. It exchanges the code
 * for a session once, asks the hub where the stream is, then reads only HTTP that caches can serve: the HLS
 * playlist and segments (hls.js) and the small now.json (who speaks, on what, for how long), shown in step with
 * the picture (delayed by the player's latency). No socket, no WebRTC.
 */
const words = viewerWords(location.search);
const root = document.getElementById('viewer')!;
document.title = `${words.title} · Điểm Cầu`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function codeFromHash(): string | null {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  const code = hash.startsWith('code=') ? hash.slice(5) : hash;
  return code.trim() || null;
}

function askForCode(error = ''): void {
  root.replaceChildren();
  const form = el('form', { class: 'vw-join', 'data-testid': 'viewer-join' });
  const label = el('label', { for: 'vw-code' }, words.codeLabel);
  const input = el('input', { id: 'vw-code', name: 'code', autocomplete: 'off', required: '', placeholder: words.codeHint });
  const button = el('button', { type: 'submit' }, words.open);
  form.append(el('h1', {}, words.title), label, input, button);
  if (error) form.append(el('p', { class: 'vw-error', role: 'alert' }, error));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `code=${encodeURIComponent(input.value.trim())}`;
    void start();
  });
  root.append(form);
  input.focus();
}

async function start(): Promise<void> {
  const code = codeFromHash();
  if (!code) return askForCode();
  let session: { token: string; conferenceId: string };
  try {
    const res = await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (!res.ok) return askForCode(words.wrongCode);
    session = (await res.json()) as { token: string; conferenceId: string };
  } catch {
    return askForCode(words.error);
  }
  const infoRes = await fetch(`/api/conferences/${encodeURIComponent(session.conferenceId)}/stream`, { headers: { authorization: `Bearer ${session.token}` } });
  const info = StreamInfoSchema.safeParse(await infoRes.json().catch(() => null));
  root.replaceChildren();
  if (!info.success || !info.data.enabled || !info.data.url || !info.data.nowUrl) {
    root.append(el('p', { class: 'vw-off', 'data-testid': 'viewer-off' }, words.noStream));
    return;
  }
  watch(info.data.url, info.data.nowUrl);
}

function watch(url: string, nowUrl: string): void {
  const header = el('header', { class: 'vw-head' });
  const title = el('h1', { 'data-testid': 'viewer-title' });
  const agenda = el('p', { class: 'vw-agenda', 'data-testid': 'viewer-agenda' });
  header.append(title, agenda);
  const stage = el('div', { class: 'vw-stage' });
  const video = el('video', { 'data-testid': 'viewer-video', playsinline: '', autoplay: '' });
  video.muted = true;
  const stall = el('div', { class: 'vw-stall', 'data-testid': 'viewer-stall', role: 'status', hidden: '' }, words.reconnecting);
  const sound = el('button', { class: 'vw-sound', 'data-testid': 'viewer-sound', 'data-muted': 'true', type: 'button' });
  const sayMuted = () => sound.replaceChildren(iconElement(video.muted ? 'speakerOff' : 'speaker'), video.muted ? words.unmute : words.mute);
  sayMuted();
  sound.addEventListener('click', () => {
    video.muted = !video.muted;
    sound.dataset.muted = String(video.muted);
    sayMuted();
    void video.play().catch(() => undefined);
  });
  stage.append(video, stall, sound);
  const caption = el('section', { class: 'vw-caption', 'data-testid': 'viewer-speaker', 'data-point': '' });
  const who = el('p', { class: 'vw-who' });
  const where = el('p', { class: 'vw-where' });
  const about = el('p', { class: 'vw-about' });
  const timer = el('p', { class: 'vw-timer', 'data-testid': 'viewer-timer' });
  caption.append(who, where, about, timer);
  root.append(header, stage, caption);

  let hls: Hls | null = null;
  /** (Re)starts the player: at first, and after a long stall (FFmpeg restarted on the hub, a network cut). */
  const connect = () => {
    hls?.destroy();
    hls = Hls.isSupported()
      ? new Hls({ liveSyncDuration: 2, liveMaxLatencyDuration: 6, maxLiveSyncPlaybackRate: 1.25, manifestLoadingMaxRetry: Infinity, levelLoadingMaxRetry: Infinity, fragLoadingMaxRetry: 6 })
      : null;
    if (hls) {
      const player = hls;
      player.loadSource(url);
      player.attachMedia(video);
      player.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        showStall(true);
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) player.recoverMediaError();
        else setTimeout(() => player.startLoad(), 2_000);
      });
    } else video.src = url; // Safari plays HLS natively.
    void video.play().catch(() => undefined);
  };
  let reconnectedAt = performance.now();

  // A stall: the picture has not moved for 3 s, or the player waits for data.
  let lastTime = -1;
  let lastMoveAt = performance.now();
  const showStall = (on: boolean) => {
    stall.hidden = !on;
    root.dataset.stalled = String(on);
  };
  video.addEventListener('waiting', () => showStall(true));
  video.addEventListener('playing', () => showStall(false));
  setInterval(() => {
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      lastMoveAt = performance.now();
      if (!video.paused) showStall(false);
    } else if (performance.now() - lastMoveAt > 3_000) {
      showStall(true);
      // Stalled for long: start the player afresh at the live edge.
      if (performance.now() - lastMoveAt > 8_000 && performance.now() - reconnectedAt > 8_000) {
        reconnectedAt = performance.now();
        connect();
      }
    }
  }, 500);
  connect();

  // now.json every second; what is shown is the snapshot as old as the picture (the player's latency).
  const history: Array<{ at: number; now: StreamNow; hubOffset: number }> = [];
  const poll = async () => {
    try {
      const res = await fetch(nowUrl, { cache: 'no-cache' });
      if (res.ok) {
        const now = (await res.json()) as StreamNow;
        history.push({ at: Date.now(), now, hubOffset: now.serverNow - Date.now() });
        if (history.length > 60) history.shift();
      }
    } catch {
      // The next poll tries again; the stall banner tells the viewer if the stream stops too.
    }
  };
  const render = () => {
    const latencyMs = hls ? Math.max(0, (hls.latency || 0) * 1000) : 0;
    const due = Date.now() - latencyMs;
    const shown = [...history].reverse().find((h) => h.at <= due) ?? history[0];
    if (!shown) return;
    const { now, hubOffset } = shown;
    title.textContent = now.title;
    agenda.textContent = now.agendaItem?.title ?? (now.status === 'scheduled' ? words.notStarted : now.status === 'ended' ? words.ended : '');
    const speech = now.speech;
    caption.dataset.point = speech?.pointId ?? '';
    if (!speech) {
      who.textContent = words.noSpeaker;
      where.textContent = '';
      about.textContent = '';
      timer.textContent = '';
      return;
    }
    who.textContent = speech.position ? `${speech.delegateName} · ${speech.position}` : speech.delegateName;
    where.textContent = speech.pointName;
    about.textContent = [speech.articles.map(formatArticleRef).join(', '), speech.topic].filter(Boolean).join(' — ');
    const elapsed = streamElapsedS(speech, Date.now() + hubOffset - latencyMs);
    timer.textContent = `${clock(elapsed)} / ${clock(speech.allowedS)}`;
    timer.dataset.over = String(elapsed > speech.allowedS);
  };
  void poll();
  setInterval(() => void poll().then(render), 1_000);
  setInterval(render, 250);
}

function clock(s: number): string {
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

window.addEventListener('hashchange', () => void start());
void start();
