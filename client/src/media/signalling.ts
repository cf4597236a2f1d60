import {
  DtlsParametersSchema, MediaSourceSchema, RtpParametersSchema, TransportInfoSchema, type DomainError, type IceServer, type MediaRequest,
  type RtpCapabilities, type RtpParameters,
} from '@diem-cau/shared';
import type { Device, types } from 'mediasoup-client';
import type { z } from 'zod';
import type { MediaChannel } from './mediaChannel';

export type Asked<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** One media request whose answer is parsed against the action's schema: a bad answer is an error, never data. */
export async function ask<S extends z.ZodType>(channel: MediaChannel, schema: S, body: MediaRequest): Promise<Asked<z.infer<S>>> {
  const answer = await channel.request(body);
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { code: 'INVALID', message: `bad ${body.action} answer` } };
}

/** Thrown inside mediasoup-client callbacks so the library reports the refusal through its own promise. */
export class MediaRefusal extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
  }
}

/**
 * A mediasoup-client transport wired to the hub: DTLS parameters on `connect`, producers on `produce`.
 * `onFailed` hears an ICE / DTLS failure (the session then starts its media again).
 */
export async function openTransport(
  device: Device,
  channel: MediaChannel,
  direction: 'send' | 'recv',
  iceServers: IceServer[],
  onFailed: () => void,
): Promise<Asked<types.Transport>> {
  const info = await ask(channel, TransportInfoSchema, { action: 'createTransport', direction });
  if (!info.ok) return info;
  const options: types.TransportOptions = { ...info.value, iceServers };
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  // What mediasoup-client hands over is checked against the wire schemas before it leaves (and again by the hub).
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    const dtls = DtlsParametersSchema.safeParse(dtlsParameters);
    if (!dtls.success) return fail(new MediaRefusal({ code: 'INVALID', message: 'DTLS parameters' }));
    void channel.request({ action: 'connectTransport', transportId: transport.id, dtlsParameters: dtls.data }).then((a) => (a.ok ? done() : fail(new MediaRefusal(a.error))));
  });
  if (direction === 'send') {
    transport.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
      const source = MediaSourceSchema.safeParse(appData.source);
      const rtp = RtpParametersSchema.safeParse(rtpParameters);
      if (!source.success || !rtp.success) return fail(new MediaRefusal({ code: 'INVALID', message: 'produce parameters' }));
      void channel.request({ action: 'produce', transportId: transport.id, kind, rtpParameters: rtp.data, appData: { source: source.data } }).then((a) => {
        const id = a.ok && typeof a.data === 'object' && a.data !== null && 'producerId' in a.data ? String(a.data.producerId) : null;
        if (id) done({ id });
        else fail(new MediaRefusal(a.ok ? { code: 'INVALID', message: 'no producer id' } : a.error));
      });
    });
  }
  transport.on('connectionstatechange', (state) => {
    if (state === 'failed') onFailed();
  });
  return { ok: true, value: transport };
}

/**
 * mediasoup-client types header-extension `uri`s as the literal set it knows; the wire schema keeps them as
 * strings (validated, length-bounded). An unknown one is ignored by the library at runtime, so the narrowing
 * is safe here and only here.
 */
export function forMediasoup(value: RtpParameters): types.RtpParameters;
export function forMediasoup(value: RtpCapabilities): types.RtpCapabilities;
export function forMediasoup(value: RtpParameters | RtpCapabilities): types.RtpParameters | types.RtpCapabilities {
  return value as types.RtpParameters | types.RtpCapabilities;
}
