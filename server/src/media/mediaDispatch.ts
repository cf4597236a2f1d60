import { assertNever, mediaFail, type IceServer, type MediaRequest, type MediaResult } from '@diem-cau/shared';
import type { ConferenceMedia } from './conferenceMedia';

/** Who a media socket acts as, from its session only: the point it speaks for, and the session its quotas count on. */
export interface MediaIdentity {
  /** The point this session speaks for (the chair: the central point), or null when it only watches and listens. */
  pointId: string | null;
  canProduce: boolean;
  /** Transports and consumers count against the session across its sockets (Q7–Q9), wherever they connect… */
  sessionId: string;
  /** …and against the join code it was opened with (Q16). */
  joinCode?: string;
}

/** A media request as it travels to the owner: checked and limited where the socket is, run where the media is. */
export interface ForwardedMedia {
  conferenceId: string;
  socketId: string;
  identity: MediaIdentity;
  iceServers: IceServer[];
  request: MediaRequest;
}

/**
 * Runs one media request on the conference's owner. The room's owner of everything is the socket (Q12): a
 * second socket of the same point — a stale tab, or someone else holding the point's code — can neither use
 * nor close what the first made, and counts against its own session's quota, so it cannot lock the console
 * that already has the media out. The point's sources stay one each: the later socket is refused them and watches.
 */
export async function runMediaRequest(
  media: ConferenceMedia,
  forwarded: ForwardedMedia,
  epoch: string,
  refreshFloor: () => Promise<void>,
): Promise<MediaResult<unknown>> {
  const { room } = media;
  const { identity: who, request, socketId: owner } = forwarded;
  switch (request.action) {
    case 'capabilities':
      return {
        ok: true,
        value: { routerRtpCapabilities: room.getRouterRtpCapabilities(), iceServers: forwarded.iceServers, pointId: who.pointId, canProduce: who.canProduce, epoch },
      };
    case 'createTransport':
      return room.createTransport(owner, request.direction, { sessionId: who.sessionId, ...(who.joinCode ? { joinCode: who.joinCode } : {}) });
    case 'connectTransport':
      return room.connectTransport(owner, request.transportId, request.dtlsParameters);
    case 'produce': {
      // The socket's node refuses watchers already; the owner does not produce for a session without a point either way.
      if (!who.pointId || !who.canProduce) return mediaFail('FORBIDDEN', 'this session speaks for no point');
      // The floor must be current before the SFU decides whether this microphone starts held.
      await refreshFloor();
      const { transportId, ...rest } = request;
      return room.produce(owner, transportId, rest, who.pointId);
    }
    case 'consume':
      return room.consume(owner, request.transportId, request.producerId, request.rtpCapabilities);
    case 'resumeConsumer':
      return room.resumeConsumer(owner, request.consumerId);
    case 'pauseConsumer':
      return room.pauseConsumer(owner, request.consumerId);
    case 'closeConsumer':
      return room.closeConsumer(owner, request.consumerId);
    case 'pauseProducer':
      return room.pauseProducer(owner, request.producerId);
    case 'resumeProducer':
      return room.resumeProducer(owner, request.producerId);
    case 'closeProducer':
      return room.closeProducer(owner, request.producerId);
    case 'listProducers':
      return { ok: true, value: room.listProducers() };
    default:
      return assertNever(request);
  }
}
