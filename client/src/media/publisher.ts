import type { MediaSource } from '@diem-cau/shared';
import type { types } from 'mediasoup-client';
import type { MediaChannel } from './mediaChannel';
import type { LocalMedia } from './localMedia';
import { MediaRefusal } from './signalling';

/** Bitrate caps: the main camera for the stage, the thumbnail for the grid. */
const MAIN_MAX_BITRATE_BPS = 1_200_000;
const THUMB_MAX_BITRATE_BPS = 150_000;
const THUMB_MAX_FPS = 8;

/**
 * This point's producers on its send transport. Muting pauses locally and on the hub; the hub's own hold
 * (the floor) is separate and only the floor lifts it, whatever this client does.
 */
export class Publisher {
  private readonly producers = new Map<MediaSource, types.Producer>();

  constructor(
    private readonly transport: types.Transport,
    private readonly channel: MediaChannel,
  ) {}

  get transportId(): string {
    return this.transport.id;
  }

  /**
   * Produces what opened; returns the sources the hub refused (e.g. another tab of the same point already
   * publishes them): this console then only receives those.
   */
  async publish(local: LocalMedia, muted: { mic: boolean; camera: boolean }): Promise<MediaSource[]> {
    const refused: MediaSource[] = [];
    const attempt = async (source: MediaSource, track: MediaStreamTrack | null, options: Pick<types.ProducerOptions, 'encodings' | 'codecOptions'>) => {
      if (track && !(await this.produce(source, track, options))) refused.push(source);
    };
    await attempt('main', local.video, { encodings: [{ maxBitrate: MAIN_MAX_BITRATE_BPS }] });
    await attempt('thumb', local.thumb, { encodings: [{ maxBitrate: THUMB_MAX_BITRATE_BPS, maxFramerate: THUMB_MAX_FPS }] });
    await attempt('mic', local.audio, { codecOptions: { opusStereo: false, opusFec: true } });
    if (muted.camera) await this.setCameraOff(true);
    if (muted.mic) await this.setMicMuted(true);
    return refused;
  }

  producerId(source: MediaSource): string | undefined {
    return this.producers.get(source)?.id;
  }

  async setMicMuted(muted: boolean): Promise<void> {
    await this.setPaused('mic', muted);
  }

  async setCameraOff(off: boolean): Promise<void> {
    await this.setPaused('main', off);
    await this.setPaused('thumb', off);
  }

  /** New devices chosen: swap the tracks under the running producers (no renegotiation). */
  async replaceTracks(local: LocalMedia): Promise<void> {
    const pairs: Array<[MediaSource, MediaStreamTrack | null]> = [['main', local.video], ['thumb', local.thumb], ['mic', local.audio]];
    for (const [source, track] of pairs) {
      const producer = this.producers.get(source);
      if (producer && track) await producer.replaceTrack({ track });
    }
  }

  close(): void {
    this.producers.clear();
    this.transport.close();
  }

  private async produce(source: MediaSource, track: MediaStreamTrack, options: Pick<types.ProducerOptions, 'encodings' | 'codecOptions'>): Promise<boolean> {
    try {
      // stopTracks false: the tracks outlive a reconnect (no new permission prompt, the preview stays).
      const producer = await this.transport.produce({ track, ...options, stopTracks: false, appData: { source } });
      this.producers.set(source, producer);
      return true;
    } catch (error) {
      if (error instanceof MediaRefusal) return false;
      throw error;
    }
  }

  private async setPaused(source: MediaSource, paused: boolean): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer || producer.paused === paused) return;
    if (paused) producer.pause();
    else producer.resume();
    await this.channel.request({ action: paused ? 'pauseProducer' : 'resumeProducer', producerId: producer.id });
  }
}
