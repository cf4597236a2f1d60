/**
 * The few parts of mediasoup v3's API the adapter uses. mediasoup is not installed in this workspace (it
 * builds a C++ worker at install time); this declaration lets the adapter type-check. If mediasoup is
 * installed later, delete this file and use its own types.
 */
declare module 'mediasoup' {
  type Listener = (...args: any[]) => void;
  interface Emitter {
    on(event: string, listener: Listener): unknown;
  }
  interface MediasoupTransportListenInfo {
    protocol: 'udp' | 'tcp';
    ip: string;
    announcedAddress?: string;
    portRange?: { min: number; max: number };
  }
  export interface Producer extends Emitter {
    readonly id: string;
    readonly kind: 'audio' | 'video';
    readonly rtpParameters: any;
    readonly appData: Record<string, unknown>;
    readonly paused: boolean;
    readonly closed: boolean;
    readonly observer: Emitter;
    pause(): Promise<void>;
    resume(): Promise<void>;
    close(): void;
  }
  export interface Consumer extends Emitter {
    readonly id: string;
    readonly producerId: string;
    readonly kind: 'audio' | 'video';
    readonly rtpParameters: any;
    readonly paused: boolean;
    readonly producerPaused: boolean;
    readonly closed: boolean;
    readonly observer: Emitter;
    pause(): Promise<void>;
    resume(): Promise<void>;
    requestKeyFrame(): Promise<void>;
    close(): void;
  }
  export interface WebRtcTransport extends Emitter {
    readonly id: string;
    readonly iceParameters: any;
    readonly iceCandidates: any[];
    readonly dtlsParameters: any;
    readonly closed: boolean;
    readonly observer: Emitter;
    connect(options: { dtlsParameters: any }): Promise<void>;
    produce(options: { kind: 'audio' | 'video'; rtpParameters: any; appData?: Record<string, unknown>; paused?: boolean }): Promise<Producer>;
    consume(options: { producerId: string; rtpCapabilities: any; paused?: boolean }): Promise<Consumer>;
    setMaxIncomingBitrate(bitrate: number): Promise<void>;
    close(): void;
  }
  export interface Router extends Emitter {
    readonly id: string;
    readonly rtpCapabilities: any;
    readonly closed: boolean;
    createWebRtcTransport(options: {
      listenInfos: MediasoupTransportListenInfo[];
      enableUdp?: boolean;
      enableTcp?: boolean;
      preferUdp?: boolean;
      initialAvailableOutgoingBitrate?: number;
    }): Promise<WebRtcTransport>;
    canConsume(options: { producerId: string; rtpCapabilities: any }): boolean;
    close(): void;
  }
  export interface Worker extends Emitter {
    readonly pid: number;
    readonly closed: boolean;
    createRouter(options: { mediaCodecs: any[] }): Promise<Router>;
    close(): void;
  }
  export function createWorker(options?: { logLevel?: 'debug' | 'warn' | 'error' | 'none'; rtcMinPort?: number; rtcMaxPort?: number }): Promise<Worker>;
  export const version: string;
}
