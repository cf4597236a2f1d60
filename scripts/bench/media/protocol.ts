import type { ConsumerInfo, DtlsParameters, MediaResult, RtpCapabilities, TransportInfo } from '../../../shared/src/media';

/** Requests the bench driver sends to the SFU child process over IPC, and what each answers. */
export type SfuRequest =
  | { op: 'caps' }
  | { op: 'createTransport'; pointId: string; direction: 'send' | 'recv' }
  | { op: 'connect'; pointId: string; transportId: string; dtlsParameters: DtlsParameters }
  | { op: 'produce'; pointId: string; transportId: string; request: unknown }
  | { op: 'consume'; pointId: string; transportId: string; producerId: string; rtpCapabilities: RtpCapabilities }
  | { op: 'resume'; pointId: string; consumerId: string }
  | { op: 'closePoint'; pointId: string }
  | { op: 'sample'; edge: 'start' | 'end' };

export interface SfuSample {
  /** CPU of the SFU's processes (its Node process and, for mediasoup, its worker), user + system, microseconds. */
  cpuMicros: number;
  /** performance.now() in the SFU process. */
  atMs: number;
  /** RTP packets sent to consumers (first transmissions) and retransmissions, since start. */
  forwarded: number;
  retransmitted: number;
}

export type SfuAnswer<R extends SfuRequest['op']> = R extends 'caps'
  ? RtpCapabilities
  : R extends 'createTransport'
    ? MediaResult<TransportInfo>
    : R extends 'consume'
      ? MediaResult<ConsumerInfo>
      : R extends 'sample'
        ? SfuSample
        : R extends 'produce'
          ? MediaResult<{ producerId: string }>
          : MediaResult<unknown> | null;

export interface IpcEnvelope<T> {
  id: number;
  body: T;
}
