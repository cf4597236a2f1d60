import type { MediaKind } from '@diem-cau/shared';

/**
 * One RTP stream's running counts, from its start: on a producer what came in from the publisher and what the SFU
 * asked of it (NACKs, key-frame requests sent upstream); on a consumer what went out to the receiver and what the
 * receiver asked of the SFU (NACKs and key-frame requests received). Metrics turn them into counters by id.
 */
export interface SfuStreamCounts {
  id: string;
  kind: MediaKind;
  packets: number;
  bytes: number;
  nacks: number;
  keyFrameRequests: number;
}

/** What an SFU holds now (OP3: the SFU's part of `/metrics`). */
export interface SfuStats {
  transports: number;
  producers: SfuStreamCounts[];
  consumers: SfuStreamCounts[];
}
