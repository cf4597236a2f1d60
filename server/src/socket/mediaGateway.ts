import type { SfuStats } from '../media/sfuStats';
import {
  MediaRequestSchema, assertNever, mediaFail, mediaFloorOf, type Ack, type ConferenceState, type IceServer, type MediaNotice, type MediaRequest,
  type MediaResult,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { NodeBus } from '../cluster/nodeBus';
import { UNROUTED } from '../cluster/ownerRouter';
import type { ConferenceHub } from '../hub/conferenceHub';
import { ConferenceMedia, type MediaSocket } from '../media/conferenceMedia';
import { runMediaRequest, type ForwardedMedia, type MediaIdentity } from '../media/mediaDispatch';
import type { MediaLimits } from '../media/mediaQuota';
import { RemoteMediaSockets } from '../media/remoteMediaSockets';
import type { SfuBackend } from '../media/sfuBackend';
import type { Session } from '../store/accessStore';
import type { MediaHandler } from './gateway';
import { Buckets } from './quotas/buckets';
import { QUOTA_DEFAULTS, type QuotaSettings } from './quotas/quotaSettings';

type HubSocket = Parameters<MediaHandler>[1];

/** Media requests per session, whatever its sockets: a console consuming sixty points at start needs a burst of ~130. */
const MEDIA_REQUEST_RATE = { perS: 40, burst: 200 };

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
  /** The SFU's counts, and for each conference whose media lives here and whose floor is held, whether its holder is heard. */
  metrics(): Promise<MediaMetrics>;
  close(): Promise<void>;
}

export interface MediaMetrics {
  sfu: SfuStats;
  /** `live`: the floor holder's microphone is producing here, not paused (the chair's alert when it is not). */
  floors: Array<{ conferenceId: string; pointId: string; live: boolean }>;
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
  /** Transports and consumers per session and per conference, and how long a transport may stay unconnected (QUOTA_DEFAULTS when absent). */
  quotas?: QuotaSettings;
  /** The livestream (issue 13): told of every media room opened here, whose floor it then follows. */
  stream?: { attach(conferenceId: string, media: ConferenceMedia): void };
}

/** The owner's answer, and which node it is (the socket's node tells that node when the socket leaves). */
interface HostedAnswer {
  result: MediaResult<unknown>;
  host: string;
}

/**
 * Who may do what with media, decided from the session only:
 * - a point produces and consumes as itself; the chair as the central point (its session's pointId);
 * - a display or a secretary only receives: recv transports and consumers;
 * - the organiser has no media.
 * Whatever a socket creates is its own (Q12), whoever it speaks for.
 */
export function mediaIdentityOf(session: Session): MediaIdentity | null {
  const holder = { sessionId: session.sessionId, ...(session.joinCode ? { joinCode: session.joinCode } : {}) };
  switch (session.role) {
    case 'point':
    case 'chair':
      return session.pointId ? { pointId: session.pointId, canProduce: true, ...holder } : { pointId: null, canProduce: false, ...holder };
    case 'display':
    case 'secretary':
      return { pointId: null, canProduce: false, ...holder };
    case 'organiser':
    // A viewer watches the livestream over HTTP (issue 13): it opens no WebRTC connection.
    case 'viewer':
      return null;
    default:
      return assertNever(session.role);
  }
}

export function createMediaGateway(deps: MediaGatewayDeps): MediaPlane {
  const conferences = new Map<string, Promise<ConferenceMedia>>();
  const opened = new Map<string, ConferenceMedia>();
  const limits: MediaLimits = deps.quotas ?? QUOTA_DEFAULTS;
  const rates = new Buckets(deps.now);
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
    const media = await ConferenceMedia.open(conferenceId, deps.backend, mediaFloorOf(room.state), limits, (empty) => {
      // The last media socket left: free the router (and its ports) until someone comes back.
      forget(conferenceId, empty);
      deps.logger.info({ conferenceId }, 'media room closed');
    }).catch((error: unknown) => {
      unfollow();
      throw error;
    });
    media.onClose(unfollow);
    opened.set(conferenceId, media);
    deps.stream?.attach(conferenceId, media);
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
    media.register(socket);
    return { result: await runMediaRequest(media, forwarded, fence ?? nodeId, () => refreshFloor(media)), host: nodeId };
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
    const identity = mediaIdentityOf(session);
    if (!identity) return { ok: false, error: { code: 'FORBIDDEN', message: 'Vai trò này không dùng truyền hình' } };
    // One budget per session: more sockets (tabs, reconnects, copies of the token) buy no more requests.
    if (!rates.take([{ key: session.sessionId, rate: MEDIA_REQUEST_RATE }]).ok) return { ok: false, error: { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu truyền hình' } };
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
    async metrics() {
      const floors = [...opened.values()].flatMap((media) => {
        const holder = media.closed ? null : media.floor?.floorPointId ?? null;
        if (holder === null) return [];
        const live = media.room.listProducers().some((p) => p.pointId === holder && p.source === 'mic' && !p.paused);
        return [{ conferenceId: media.conferenceId, pointId: holder, live }];
      });
      return { sfu: await deps.backend.stats(), floors };
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
