import {
  MediaRequestSchema, assertNever, mediaFail, mediaFloorOf, type Ack, type ConferenceState, type IceServer, type MediaNotice, type MediaRequest,
  type MediaResult,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { NodeBus } from '../cluster/nodeBus';
import { UNROUTED } from '../cluster/ownerRouter';
import type { ConferenceHub } from '../hub/conferenceHub';
import { ConferenceMedia, type MediaIdentity, type MediaSocket } from '../media/conferenceMedia';
import { RemoteMediaSockets } from '../media/remoteMediaSockets';
import type { SfuBackend } from '../media/sfuBackend';
import type { Session } from '../store/accessStore';
import type { MediaHandler } from './gateway';
import { RateLimiter } from './rateLimiter';

type HubSocket = Parameters<MediaHandler>[1];

/** Media requests per socket: a console consuming sixty points at start needs a burst of ~130. */
const MEDIA_REQUESTS_PER_S = 40;
const MEDIA_REQUEST_BURST = 200;

/** One forwarded media request may wait this long for the owner (consoles give up after 8 s). */
const MEDIA_ATTEMPT_MS = 4_000;
/** How long a media request may look for an owner during a failover before UNAVAILABLE. */
const MEDIA_ROUTE_DEADLINE_MS = 6_000;
/** How often an owner checks that the nodes holding its remote media sockets still listen; two misses drop them. */
const MEDIA_NODE_CHECK_MS = 2_000;

/** Actions only a session that speaks for a point may use. */
const PRODUCING_ACTIONS = new Set<MediaRequest['action']>(['produce', 'pauseProducer', 'resumeProducer', 'closeProducer']);

/** The media plane as the composition root sees it: the socket handler and the hook for committed events. */
export interface MediaPlane {
  handle: MediaHandler;
  /** Called after every commit on this node (the owner) with the conference's state. */
  onCommitted(conferenceId: string, state: ConferenceState): void;
  /** This node gained (with its lease token) or lost a conference: its media follows. */
  onOwnership(conferenceId: string, mine: boolean, fence: string | undefined): void;
  close(): Promise<void>;
}

export interface MediaGatewayDeps {
  backend: SfuBackend;
  hub: ConferenceHub;
  logger: Logger;
  now: () => number;
  /** ICE servers (STUN / TURN) for one session's browser. */
  iceServers?: (session: Session) => IceServer[];
  /** Notices to a socket on any node (the Socket.IO adapter routes by socket id), and to a conference's consoles. */
  notify?: { toSocket(socketId: string, notice: MediaNotice): void; toConference(conferenceId: string, notice: MediaNotice): void };
  /** The other nodes: where a socket's departure is told to the owner that hosts its media. */
  bus?: NodeBus;
}

/** A media request as it travels to the owner: checked and limited where the socket is, run where the media is. */
interface ForwardedMedia {
  conferenceId: string;
  socketId: string;
  identity: MediaIdentity;
  iceServers: IceServer[];
  request: MediaRequest;
}

/** The owner's answer, and which node it is (the socket's node tells that node when the socket leaves). */
interface HostedAnswer {
  result: MediaResult<unknown>;
  host: string;
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
  const nodeId = deps.hub.nodeId;
  const remote = new RemoteMediaSockets((socketId, notice) => deps.notify?.toSocket(socketId, notice));
  /** This node's sockets whose media another node hosts, and that node. */
  const hostOf = new Map<string, string>();

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
    // While the media room has sockets, the conference stays in memory and its lease stays here.
    const unfollow = deps.hub.follow(conferenceId);
    const media = await ConferenceMedia.open(conferenceId, deps.backend, mediaFloorOf(room.state), (empty) => {
      // The last media socket left: free the router (and its ports) until someone comes back.
      forget(conferenceId, empty);
      deps.logger.info({ conferenceId }, 'media room closed');
    }).catch((error: unknown) => {
      unfollow();
      throw error;
    });
    media.onClose(unfollow);
    opened.set(conferenceId, media);
    deps.logger.info({ conferenceId }, 'media room opened');
    return media;
  };

  const forget = (conferenceId: string, media: ConferenceMedia): void => {
    if (opened.get(conferenceId) === media) {
      opened.delete(conferenceId);
      conferences.delete(conferenceId);
    }
    media.close();
  };

  /** Runs a media request on this node, its owner: for one of its own sockets or another node's stand-in. */
  const runHere = async (forwarded: ForwardedMedia, socket: MediaSocket, fence: string | undefined): Promise<HostedAnswer> => {
    let media: ConferenceMedia;
    try {
      media = await mediaOf(forwarded.conferenceId);
      // The room may have closed (its last socket left) while this request waited: open a fresh one.
      if (media.closed) media = await mediaOf(forwarded.conferenceId);
    } catch (error) {
      deps.logger.warn({ err: error, conferenceId: forwarded.conferenceId }, 'media room unavailable');
      return { result: mediaFail('UNAVAILABLE', 'Không mở được phòng truyền hình'), host: nodeId };
    }
    media.register(socket, forwarded.identity);
    return { result: await dispatch(media, forwarded, fence ?? nodeId), host: nodeId };
  };

  deps.hub.owners.serve<ForwardedMedia, HostedAnswer>('media', (forwarded, fence, from) => runHere(forwarded, remote.socket(forwarded.socketId, from), fence));
  deps.bus?.handle('mediaLeft', async (body) => remote.left((body as { socketId: string }).socketId));
  deps.bus?.handle('mediaPing', async () => undefined);

  // A node that no longer listens on the bus died with its sockets: their media closes (a producer nobody feeds).
  const misses = new Map<string, number>();
  const checker = setInterval(() => {
    for (const origin of remote.origins()) {
      void deps.bus?.notify(origin, 'mediaPing', {}).then((listening) => {
        const missed = listening ? 0 : (misses.get(origin) ?? 0) + 1;
        misses.set(origin, missed);
        if (missed < 2) return;
        misses.delete(origin);
        deps.logger.info({ node: origin, sockets: remote.dropNode(origin) }, 'media: a node holding media sockets is gone');
      }, () => undefined);
    }
  }, MEDIA_NODE_CHECK_MS);
  checker.unref();

  /** The first answer from another node: tell it when this socket goes, so its media there closes. */
  const hostedOn = (socket: HubSocket, host: string): void => {
    if (host === nodeId) return;
    if (!hostOf.has(socket.id)) {
      socket.once('disconnect', () => {
        const at = hostOf.get(socket.id);
        hostOf.delete(socket.id);
        if (at) void deps.bus?.notify(at, 'mediaLeft', { socketId: socket.id }).catch(() => undefined);
      });
    }
    hostOf.set(socket.id, host);
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
    const { conferenceId } = session;
    const iceServers = request.action === 'capabilities' ? deps.iceServers?.(session) ?? [] : [];
    const forwarded: ForwardedMedia = { conferenceId, socketId: socket.id, identity, iceServers, request };
    const answer = await deps.hub.owners.call<HostedAnswer>(conferenceId, 'media', forwarded, (fence) => runHere(forwarded, socket, fence), {
      attemptMs: MEDIA_ATTEMPT_MS, deadlineMs: MEDIA_ROUTE_DEADLINE_MS, resendAfterTimeout: false,
    });
    if (answer === UNROUTED) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ đang chuyển giao hội nghị, vui lòng thử lại' } };
    hostedOn(socket, answer.host);
    return toAck(answer.result);
  };

  const takeToken = (socket: HubSocket): boolean => {
    let limiter = limiters.get(socket);
    if (!limiter) limiters.set(socket, (limiter = new RateLimiter(MEDIA_REQUESTS_PER_S, MEDIA_REQUEST_BURST, deps.now)));
    return limiter.take();
  };

  const dispatch = async (media: ConferenceMedia, forwarded: ForwardedMedia, epoch: string): Promise<MediaResult<unknown>> => {
    const { room } = media;
    const { identity: who, request, socketId } = forwarded;
    const owner = who.ownerId;
    switch (request.action) {
      case 'capabilities':
        return {
          ok: true,
          value: { routerRtpCapabilities: room.getRouterRtpCapabilities(), iceServers: forwarded.iceServers, pointId: who.pointId, canProduce: who.canProduce, epoch },
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

  /** The owner's copy is current; this re-reads it in case a commit's hook has not run yet. */
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
    onOwnership(conferenceId, mine, fence) {
      if (mine) {
        // Consoles whose media lived on the previous owner rebuild it here; those already served here ignore it.
        deps.notify?.toConference(conferenceId, { type: 'restart', data: { epoch: fence ?? nodeId } });
        return;
      }
      const media = opened.get(conferenceId);
      if (media) forget(conferenceId, media);
      deps.logger.info({ conferenceId }, 'media room closed: the conference is owned elsewhere');
    },
    async close() {
      clearInterval(checker);
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
