import {
  MediaRequestSchema, assertNever, mediaFloorOf, type Ack, type ConferenceState, type IceServer, type MediaRequest, type MediaResult,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { ConferenceHub } from '../hub/conferenceHub';
import { ConferenceMedia, type MediaIdentity } from '../media/conferenceMedia';
import type { SfuBackend } from '../media/sfuBackend';
import type { Session } from '../store/accessStore';
import type { MediaHandler } from './gateway';
import { RateLimiter } from './rateLimiter';

type HubSocket = Parameters<MediaHandler>[1];

/** Media requests per socket: a console consuming sixty points at start needs a burst of ~130. */
const MEDIA_REQUESTS_PER_S = 40;
const MEDIA_REQUEST_BURST = 200;

/** Actions only a session that speaks for a point may use. */
const PRODUCING_ACTIONS = new Set<MediaRequest['action']>(['produce', 'pauseProducer', 'resumeProducer', 'closeProducer']);

/** The media plane as the composition root sees it: the socket handler and the hook for committed events. */
export interface MediaPlane {
  handle: MediaHandler;
  /** Called after every commit (and every fold of another node's events) with the conference's state. */
  onCommitted(conferenceId: string, state: ConferenceState): void;
  close(): Promise<void>;
}

export interface MediaGatewayDeps {
  backend: SfuBackend;
  hub: ConferenceHub;
  logger: Logger;
  now: () => number;
  /** ICE servers (STUN / TURN) for one session's browser. */
  iceServers?: (session: Session) => IceServer[];
}

/**
 * Who may do what with media, decided from the session only:
 * - a point produces and consumes as itself; the chair as the central point (its session's pointId);
 * - a display or a secretary only receives: recv transports and consumers, owned per socket;
 * - the organiser has no media.
 */
export function mediaIdentityOf(session: Session, socketId: string): MediaIdentity | null {
  switch (session.role) {
    case 'point':
    case 'chair':
      if (session.pointId) return { ownerId: session.pointId, pointId: session.pointId, canProduce: true };
      return { ownerId: `#${session.role}:${socketId}`, pointId: null, canProduce: false };
    case 'display':
    case 'secretary':
      return { ownerId: `#${session.role}:${socketId}`, pointId: null, canProduce: false };
    case 'organiser':
      return null;
    default:
      return assertNever(session.role);
  }
}

export function createMediaGateway(deps: MediaGatewayDeps): MediaPlane {
  const conferences = new Map<string, Promise<ConferenceMedia>>();
  const opened = new Map<string, ConferenceMedia>();
  const limiters = new WeakMap<HubSocket, RateLimiter>();

  const mediaOf = (conferenceId: string): Promise<ConferenceMedia> => {
    let pending = conferences.get(conferenceId);
    if (!pending) {
      pending = openConference(conferenceId);
      conferences.set(conferenceId, pending);
      pending.catch(() => conferences.delete(conferenceId));
    }
    return pending;
  };

  const openConference = async (conferenceId: string): Promise<ConferenceMedia> => {
    const room = await deps.hub.room(conferenceId);
    if (!room) throw new Error(`conference ${conferenceId} not found`);
    const media = await ConferenceMedia.open(conferenceId, deps.backend, mediaFloorOf(room.state), (empty) => {
      // The last media socket left: free the router (and its ports) until someone comes back.
      if (opened.get(conferenceId) === empty) {
        opened.delete(conferenceId);
        conferences.delete(conferenceId);
      }
      empty.close();
      deps.logger.info({ conferenceId }, 'media room closed');
    });
    opened.set(conferenceId, media);
    deps.logger.info({ conferenceId }, 'media room opened');
    return media;
  };

  const handle: MediaHandler = async (session, socket, raw) => {
    const parsed = MediaRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID', message: 'Yêu cầu truyền hình không hợp lệ' } };
    const request = parsed.data;
    const identity = mediaIdentityOf(session, socket.id);
    if (!identity) return { ok: false, error: { code: 'FORBIDDEN', message: 'Vai trò này không dùng truyền hình' } };
    if (!takeToken(socket)) return { ok: false, error: { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu truyền hình' } };
    if (!identity.canProduce && (PRODUCING_ACTIONS.has(request.action) || (request.action === 'createTransport' && request.direction === 'send'))) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Vai trò này chỉ được xem và nghe' } };
    }
    let media: ConferenceMedia;
    try {
      media = await mediaOf(session.conferenceId);
      // The room may have closed (its last socket left) while this request waited: open a fresh one.
      if (media.closed) media = await mediaOf(session.conferenceId);
    } catch (error) {
      deps.logger.warn({ err: error, conferenceId: session.conferenceId }, 'media room unavailable');
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'Không mở được phòng truyền hình' } };
    }
    media.register(socket, identity);
    return toAck(await dispatch(media, socket.id, session, identity, request));
  };

  const takeToken = (socket: HubSocket): boolean => {
    let limiter = limiters.get(socket);
    if (!limiter) limiters.set(socket, (limiter = new RateLimiter(MEDIA_REQUESTS_PER_S, MEDIA_REQUEST_BURST, deps.now)));
    return limiter.take();
  };

  const dispatch = async (media: ConferenceMedia, socketId: string, session: Session, who: MediaIdentity, request: MediaRequest): Promise<MediaResult<unknown>> => {
    const { room } = media;
    const owner = who.ownerId;
    switch (request.action) {
      case 'capabilities':
        return {
          ok: true,
          value: { routerRtpCapabilities: room.getRouterRtpCapabilities(), iceServers: deps.iceServers?.(session) ?? [], pointId: who.pointId, canProduce: who.canProduce },
        };
      case 'createTransport': {
        const result = await room.createTransport(owner, request.direction);
        if (result.ok) media.trackTransport(socketId, result.value.id);
        return result;
      }
      case 'connectTransport':
        return room.connectTransport(owner, request.transportId, request.dtlsParameters);
      case 'produce': {
        // The floor must be current before the SFU decides whether this microphone starts held.
        await refreshFloor(media);
        const { transportId, ...rest } = request;
        return room.produce(owner, transportId, rest);
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
  };

  /** Belt and braces for multi-node hubs: a sync may have folded another node's events without a commit hook. */
  const refreshFloor = async (media: ConferenceMedia): Promise<void> => {
    const room = await deps.hub.room(media.conferenceId);
    if (room) await media.setFloor(mediaFloorOf(room.state));
  };

  return {
    handle,
    onCommitted(conferenceId, state) {
      const pending = conferences.get(conferenceId);
      if (!pending) return;
      const floor = mediaFloorOf(state);
      void pending
        .then((media) => media.setFloor(floor))
        .catch((error: unknown) => deps.logger.error({ err: error, conferenceId }, 'media floor not applied'));
    },
    async close() {
      const all = [...conferences.values()];
      conferences.clear();
      opened.clear();
      for (const pending of all) (await pending.catch(() => null))?.close();
    },
  };
}

function toAck(result: MediaResult<unknown>): Ack<{ data?: unknown }> {
  return result.ok ? { ok: true, data: result.value } : { ok: false, error: result.error };
}
