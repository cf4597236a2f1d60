import {
  MediaWelcomeSchema, ProducerInfoSchema, assertNever, sameFloor, type MediaFloor, type MediaNotice, type MediaRequest, type MediaSource,
  type DomainError, type MediaWelcome, type ProducerInfo,
} from '@diem-cau/shared';
import type { Device } from 'mediasoup-client';
import { z } from 'zod';
import { receivePlan, type MediaViewRole } from './consumePlan';
import { loadDevicePrefs, onDevicePrefs, openLocalMedia, stopLocalMedia, type DevicePrefs, type LocalMedia } from './localMedia';
import type { MediaAnswer, MediaChannel } from './mediaChannel';
import { Publisher } from './publisher';
import { RemoteMedia, type ReceivedStats } from './remoteMedia';
import { ask, forMediasoup, openTransport } from './signalling';

export type MediaStatus = 'connecting' | 'live' | 'unavailable' | 'failed' | 'closed';

export interface MediaSnapshot {
  status: MediaStatus;
  /** The point this console speaks for (null: display). */
  pointId: string | null;
  canProduce: boolean;
  producers: readonly ProducerInfo[];
  /** Decoded remote video by producer id. */
  videoTracks: Readonly<Record<string, MediaStreamTrack>>;
  /** This console's own camera, for its preview. */
  localVideo: MediaStreamTrack | null;
  localAudio: MediaStreamTrack | null;
  micMuted: boolean;
  cameraOff: boolean;
  deviceError: string | null;
  /**
   * The hub's last quota refusal (RATE_LIMITED: a transport or a stream past the session's, the code's or the
   * conference's limit) that kept media from this console: shown with its reason until media is live again.
   */
  refusal: DomainError | null;
  audioBlocked: boolean;
  speakerOn: boolean;
}

export interface MediaSessionOptions {
  channel: MediaChannel;
  role: MediaViewRole;
  /** mediasoup-client, loaded on first use so it stays out of the consoles' first download. */
  loadDevice?: () => Promise<Device>;
  openLocal?: (prefs: DevicePrefs) => Promise<LocalMedia>;
}

const RESTART_DELAY_MS = 1_500;
const RESTART_DELAY_MAX_MS = 30_000;
const SPEAKER_KEY = 'diemcau.media.speaker';
const ProducerListSchema = z.array(ProducerInfoSchema);

/** The lazy chunk: mediasoup-client picks the browser's handler itself (Chrome111 in Chromium). */
export async function loadMediasoupDevice(): Promise<Device> {
  const { Device: DeviceClass } = await import('mediasoup-client');
  return new DeviceClass();
}

/**
 * One console's media: the Device, a recv transport for what it shows and hears, a send transport for its
 * own point, and the list of the conference's producers kept current by the hub's notices. Views read it
 * through subscribe / getSnapshot. Every (re)start is a generation: work of an older one is dropped.
 */
export class MediaSession {
  private snapshot: MediaSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly producers = new Map<string, ProducerInfo>();
  private device: Device | null = null;
  private welcome: MediaWelcome | null = null;
  private remote: RemoteMedia | null = null;
  private publisher: Publisher | null = null;
  private local: LocalMedia | null = null;
  private floor: MediaFloor | null = null;
  private nextPointId: string | null = null;
  private generation = 0;
  private reconciling = false;
  private reconcileAgain = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  /** Restarts in a row without reaching `live`: the delay doubles so a refusing hub is not hammered. */
  private failedStarts = 0;
  private readonly stopPrefs: () => void;

  constructor(private readonly opts: MediaSessionOptions) {
    this.snapshot = {
      status: 'connecting', pointId: null, canProduce: false, producers: [], videoTracks: {}, localVideo: null, localAudio: null,
      micMuted: false, cameraOff: false, deviceError: null, refusal: null, audioBlocked: false, speakerOn: readSpeaker(),
    };
    this.stopPrefs = onDevicePrefs((prefs) => void this.switchDevices(prefs));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MediaSnapshot => this.snapshot;

  open(): void {
    this.opts.channel.open({
      connect: () => void this.start(),
      disconnect: () => this.teardown('connecting'),
      notice: (notice) => this.onNotice(notice),
    });
  }

  /** The floor from the conference state (what the stage shows follows it) and the next point in the queue. */
  setFloor(floor: MediaFloor, nextPointId: string | null = null): void {
    if (sameFloor(this.floor, floor) && this.nextPointId === nextPointId) return;
    this.floor = floor;
    this.nextPointId = nextPointId;
    this.reconcile();
  }

  async setMicMuted(muted: boolean): Promise<void> {
    this.publish({ micMuted: muted });
    await this.publisher?.setMicMuted(muted);
  }

  async setCameraOff(off: boolean): Promise<void> {
    this.publish({ cameraOff: off });
    if (this.local?.video) this.local.video.enabled = !off;
    await this.publisher?.setCameraOff(off);
  }

  setSpeakerOn(on: boolean): void {
    writeSpeaker(on);
    this.remote?.setSpeakerOn(on);
    this.publish({ speakerOn: on });
  }

  unlockAudio(): void {
    this.remote?.unlockAudio();
  }

  stats(): Promise<ReceivedStats[]> {
    return this.remote?.stats() ?? Promise.resolve([]);
  }

  /** A raw media request, as any client could send (diagnostics and the e2e suite use it). */
  request(body: MediaRequest): Promise<MediaAnswer> {
    return this.opts.channel.request(body);
  }

  ownProducerId(source: MediaSource): string | undefined {
    return this.publisher?.producerId(source);
  }

  close(): void {
    this.teardown('closed');
    this.stopPrefs();
    stopLocalMedia(this.local);
    this.local = null;
    this.opts.channel.close();
    this.listeners.clear();
  }

  private async start(): Promise<void> {
    // A start replaces whatever an earlier one built (a restart timer and a reconnect may both call it).
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.closeTransports();
    const gen = ++this.generation;
    const stale = () => gen !== this.generation;
    this.publish({ status: 'connecting' });
    const welcome = await ask(this.opts.channel, MediaWelcomeSchema, { action: 'capabilities' });
    if (stale()) return;
    if (!welcome.ok) return this.fail(welcome.error.code === 'UNAVAILABLE' || welcome.error.code === 'FORBIDDEN' ? 'unavailable' : 'failed');
    this.welcome = welcome.value;
    this.publish({ pointId: welcome.value.pointId, canProduce: welcome.value.canProduce });
    try {
      const device = await this.loadDevice(welcome.value);
      if (stale()) return;
      // Opened by the first stream to receive, not here (see RemoteMedia).
      const openRecv = () => openTransport(device, this.opts.channel, 'recv', welcome.value.iceServers, () => this.scheduleRestart());
      this.remote = new RemoteMedia(
        openRecv, (error, what) => (what === 'transport' ? this.fail('failed', error) : this.noteRefusal(error)), this.opts.channel, device.rtpCapabilities, (blocked) => this.onRemoteChange(blocked), this.snapshot.speakerOn,
      );
      if (welcome.value.canProduce) await this.startPublishing(device, welcome.value, stale);
      if (stale()) return;
      const list = await ask(this.opts.channel, ProducerListSchema, { action: 'listProducers' });
      if (stale()) return;
      if (list.ok) {
        this.producers.clear();
        for (const p of list.value) this.producers.set(p.producerId, p);
      }
      this.failedStarts = 0;
      this.publish({ status: 'live', refusal: null, producers: [...this.producers.values()] });
      this.reconcile();
    } catch {
      if (!stale()) this.fail('failed');
    }
  }

  private async loadDevice(welcome: MediaWelcome): Promise<Device> {
    if (!this.device) {
      const device = await (this.opts.loadDevice ?? loadMediasoupDevice)();
      await device.load({ routerRtpCapabilities: forMediasoup(welcome.routerRtpCapabilities) });
      this.device = device;
    }
    return this.device;
  }

  private async startPublishing(device: Device, welcome: MediaWelcome, stale: () => boolean): Promise<void> {
    if (!this.local) {
      this.local = await (this.opts.openLocal ?? openLocalMedia)(loadDevicePrefs());
      this.publish({ localVideo: this.local.video, localAudio: this.local.audio, deviceError: this.local.error });
    }
    if (stale() || (!this.local.video && !this.local.audio)) return;
    const send = await openTransport(device, this.opts.channel, 'send', welcome.iceServers, () => this.scheduleRestart());
    if (!send.ok || stale()) return send.ok ? send.value.close() : this.noteRefusal(send.error);
    this.publisher = new Publisher(send.value, this.opts.channel);
    const refused = await this.publisher.publish(this.local, { mic: this.snapshot.micMuted, camera: this.snapshot.cameraOff });
    // Another console of the same point already publishes: this one watches and listens.
    if (refused.length > 0 && !stale()) this.publish({ deviceError: `refused: ${refused.join(', ')}` });
  }

  private async switchDevices(prefs: DevicePrefs): Promise<void> {
    if (!this.snapshot.canProduce || this.snapshot.status === 'closed') return;
    const next = await (this.opts.openLocal ?? openLocalMedia)(prefs);
    const previous = this.local;
    this.local = next;
    await this.publisher?.replaceTracks(next);
    if (next.video) next.video.enabled = !this.snapshot.cameraOff;
    stopLocalMedia(previous);
    this.publish({ localVideo: next.video, localAudio: next.audio, deviceError: next.error });
  }

  private onNotice(notice: MediaNotice): void {
    switch (notice.type) {
      case 'newProducer':
      case 'producerPaused':
      case 'producerResumed':
        this.producers.set(notice.data.producerId, notice.data);
        break;
      case 'producerClosed':
        this.producers.delete(notice.data.producerId);
        this.remote?.drop(notice.data.producerId, false);
        break;
      case 'consumerClosed': {
        const producerId = this.remote?.producerOfConsumer(notice.data.consumerId);
        if (producerId) this.remote?.drop(producerId, false);
        break;
      }
      case 'transportClosed':
        // One of ours went (ICE silence, hub side): build the media again. Another tab's is not our business.
        if (notice.data.transportId === this.remote?.transportId || notice.data.transportId === this.publisher?.transportId) this.scheduleRestart();
        return;
      case 'restart':
        // Another node took the conference over: media built with the previous owner is gone with it.
        if (!this.welcome || this.welcome.epoch === notice.data.epoch) return;
        this.failedStarts = 0;
        if (this.restartTimer) clearTimeout(this.restartTimer);
        this.restartTimer = undefined;
        this.scheduleRestart();
        return;
      default:
        return assertNever(notice);
    }
    this.publish({ producers: [...this.producers.values()] });
    this.reconcile();
  }

  /** Brings the received set to what the plan wants; runs one pass at a time, again if asked meanwhile. */
  private reconcile(): void {
    if (this.reconciling) {
      this.reconcileAgain = true;
      return;
    }
    this.reconciling = true;
    void (async () => {
      do {
        this.reconcileAgain = false;
        await this.reconcileOnce().catch(() => undefined);
      } while (this.reconcileAgain);
      this.reconciling = false;
    })();
  }

  private async reconcileOnce(): Promise<void> {
    const remote = this.remote;
    if (!remote || !this.welcome) return;
    const gen = this.generation;
    const stale = () => gen !== this.generation;
    const producers = [...this.producers.values()];
    const plan = receivePlan({ role: this.opts.role, selfPointId: this.welcome.pointId, floor: this.floor, nextPointId: this.nextPointId, producers });
    // The next speaker's camera is received on standby like the stage's (decoded, not shown), so a grant to the
    // queued speaker waits for no key frame; it costs one extra video stream while a speaker waits. What is
    // missing comes in stage video first; every change of the receiver is a renegotiation that mediasoup-client
    // runs one after another, so dropping comes last.
    const missing = producers.filter((p) => plan.has(p.producerId) && !remote.has(p.producerId));
    missing.sort((a, b) => rank(plan.get(a.producerId), a) - rank(plan.get(b.producerId), b));
    for (const p of missing) {
      if (stale()) return;
      await remote.receive(p.producerId, stale);
    }
    if (stale()) return;
    for (const id of remote.producerIds()) if (!plan.has(id)) remote.drop(id);
  }

  private onRemoteChange(audioBlocked?: boolean): void {
    this.publish({ videoTracks: this.remote?.videoTracks() ?? {}, ...(audioBlocked === undefined ? {} : { audioBlocked }) });
  }

  private scheduleRestart(): void {
    if (this.snapshot.status === 'closed' || this.restartTimer) return;
    this.teardown('connecting');
    const delay = Math.min(RESTART_DELAY_MAX_MS, RESTART_DELAY_MS * 2 ** this.failedStarts);
    this.failedStarts += 1;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.opts.channel.connected) void this.start();
    }, delay);
  }

  private noteRefusal(error: DomainError): void {
    if (error.code === 'RATE_LIMITED') this.publish({ refusal: error });
  }

  private fail(status: 'unavailable' | 'failed', refusal?: DomainError): void {
    this.publish({ status });
    if (refusal) this.noteRefusal(refusal);
    if (status === 'failed') this.scheduleRestart();
  }

  /** Drops this generation's transports; the hub closes its side when the socket goes or on the next start. */
  private teardown(status: MediaStatus): void {
    this.generation += 1;
    this.closeTransports();
    this.producers.clear();
    if (status === 'closed' && this.restartTimer) clearTimeout(this.restartTimer);
    this.publish({ status, producers: [], videoTracks: {} });
  }

  private closeTransports(): void {
    this.remote?.close();
    this.publisher?.close();
    this.remote = null;
    this.publisher = null;
  }

  private publish(change: Partial<MediaSnapshot>): void {
    if (this.snapshot.status === 'closed') return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** Receiving order: live video (the stage), live audio, then what waits on standby. */
function rank(mode: 'live' | 'standby' | undefined, p: ProducerInfo): number {
  return mode !== 'live' ? 2 : p.kind === 'video' ? 0 : 1;
}

function readSpeaker(): boolean {
  try {
    return localStorage.getItem(SPEAKER_KEY) !== 'off';
  } catch {
    return true;
  }
}

function writeSpeaker(on: boolean): void {
  try {
    localStorage.setItem(SPEAKER_KEY, on ? 'on' : 'off');
  } catch {
    // private mode: remembered for this page only
  }
}
