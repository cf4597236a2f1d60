import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdSchema, listOf, streamNowOf, type ConferenceState, type SpeechRecording, type StreamInfo } from '@diem-cau/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/accessService';
import { callerOf, requireConferenceAccess, type Caller } from '../http/auth';
import { sendError, invalid } from '../http/httpErrors';
import type { ConferenceHub } from '../hub/conferenceHub';
import { RUN_ID, SEGMENT_FILE } from './recordingIndex';
import type { StreamService } from './streamService';

export interface StreamRouteDeps {
  hub: ConferenceHub;
  access: AccessService;
  adminToken: string;
  stream: StreamService;
  now: () => number;
}

const LiveParams = z.object({ id: IdSchema, key: z.string().regex(/^[A-Za-z0-9_-]{22}$/), file: z.string().regex(/^(index\.m3u8|\d{10,16}-\d{1,12}\.ts)$/) });
const NowParams = z.object({ id: IdSchema, key: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });
const SpeechParams = z.object({ id: IdSchema, speechId: IdSchema });
const SegmentParams = z.object({ id: IdSchema, run: z.string().regex(RUN_ID), file: z.string().regex(SEGMENT_FILE) });

/** Who may hear the recordings: the organiser (and the admin token), and the secretaries who answer the comments. */
const mayListen = (caller: Caller) => caller === 'admin' || caller.role === 'organiser' || caller.role === 'secretary';
const mayDelete = (caller: Caller) => caller === 'admin' || caller.role === 'organiser';

/** A speech's recorded ranges: its time in the log [startedAt, endedAt) against the recorded segments (SPEC R1, R2). */
export function speechRecordings(state: ConferenceState, stream: StreamService, now: number): SpeechRecording[] {
  const segments = stream.recording(state.id);
  return listOf(state.speeches).map((speech) => {
    const endedAt = speech.status.kind === 'ended' ? speech.status.endedAt : undefined;
    const to = endedAt ?? now;
    const ranges = segments.length === 0 ? [] : stream.cut(state.id, speech.startedAt, to).ranges;
    return {
      speechId: speech.id, pointId: speech.pointId, pointName: state.points.get(speech.pointId)?.name ?? '', delegateName: speech.delegate.name,
      articles: speech.articles, startedAt: speech.startedAt, ...(endedAt !== undefined ? { endedAt } : {}),
      ranges, recordedMs: ranges.reduce((sum, r) => sum + (r.toMs - r.fromMs), 0),
    };
  });
}

/**
 * The livestream and the recordings over HTTP (issue 13).
 * - `GET /stream/:id/:key/live/index.m3u8` and its segments: no token (caches and CDNs serve them), the key in the path
 *   (an HMAC of the conference id) is what a viewer is handed; the playlist may be cached 1 s, a segment for a day.
 * - `GET /stream/:id/:key/now.json`: the floor as the viewer page shows it, cacheable 1 s.
 * - `GET /api/conferences/:id/stream`: any session of the conference (the viewer's code included) learns whether
 *   there is a stream and where; the organiser also its warning (disk full, FFmpeg restarting).
 * - Recordings, organiser and secretaries: `GET …/recordings` (each speech and what of it was recorded),
 *   `GET …/recordings/speeches/:speechId/index.m3u8` (a VOD playlist of the speech) and `…/speech.mp4` (download),
 *   segments under `…/recordings/segments/:run/:file`; `DELETE …/recordings` organiser only.
 */
export function streamRouter(deps: StreamRouteDeps): Router {
  const router = Router();
  const { stream } = deps;
  const conferenceAccess = requireConferenceAccess(deps.access, deps.adminToken);

  router.get('/stream/:id/:key/live/:file', (req: Request, res: Response) => {
    const params = LiveParams.safeParse(req.params);
    if (!params.success || !stream.isKey(params.data.id, params.data.key)) return sendError(res, { code: 'NOT_FOUND', message: 'Không có luồng này' });
    const playlist = params.data.file === 'index.m3u8';
    res.setHeader('Cache-Control', playlist ? 'public, max-age=1' : 'public, max-age=86400, immutable');
    res.type(playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t');
    res.sendFile(join(stream.dirOf(params.data.id), 'live', params.data.file), { dotfiles: 'deny', cacheControl: false, lastModified: false, etag: !playlist }, (error) => {
      if (error && !res.headersSent) sendError(res, { code: 'NOT_FOUND', message: 'Luồng chưa có đoạn này' });
    });
  });

  router.get('/stream/:id/:key/now.json', async (req: Request, res: Response) => {
    const params = NowParams.safeParse(req.params);
    if (!params.success || !stream.isKey(params.data.id, params.data.key)) return sendError(res, { code: 'NOT_FOUND', message: 'Không có luồng này' });
    const room = await deps.hub.room(params.data.id);
    if (!room) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    res.setHeader('Cache-Control', 'public, max-age=1').json(streamNowOf(room.state, deps.now()));
  });

  router.get('/api/conferences/:id/stream', conferenceAccess, (req: Request, res: Response) => {
    const id = String(req.params.id);
    const caller = callerOf(res);
    const warning = mayDelete(caller) ? stream.warningOf(id) : undefined;
    const info: StreamInfo = {
      enabled: stream.enabled, state: stream.stateOf(id),
      ...(stream.enabled ? { url: stream.liveUrl(id), nowUrl: stream.liveUrl(id).replace(/live\/index\.m3u8$/, 'now.json') } : {}),
      ...(warning && warning.kind !== 'recovered' ? { warning: { kind: warning.kind, at: warning.at } } : {}),
    };
    res.setHeader('Cache-Control', 'no-store').json(info);
  });

  const listeners = (req: Request, res: Response): boolean => {
    if (!stream.enabled) {
      sendError(res, { code: 'UNAVAILABLE', message: 'Máy chủ không có FFmpeg: không ghi hình', details: { reason: 'STREAM_OFF' } });
      return false;
    }
    if (!mayListen(callerOf(res))) {
      sendError(res, { code: 'FORBIDDEN', message: 'Chỉ ban tổ chức và thư ký nghe lại bản ghi' });
      return false;
    }
    return true;
  };

  router.get('/api/conferences/:id/recordings', conferenceAccess, async (req: Request, res: Response) => {
    if (!listeners(req, res)) return;
    const room = await deps.hub.room(String(req.params.id));
    if (!room) return sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
    res.setHeader('Cache-Control', 'no-store').json({ speeches: speechRecordings(room.state, stream, deps.now()) });
  });

  /** The speech, its cut, or the reason there is none. */
  const speechCut = async (req: Request, res: Response) => {
    const params = SpeechParams.safeParse(req.params);
    if (!params.success) return void sendError(res, invalid(params.error));
    const room = await deps.hub.room(params.data.id);
    const speech = room?.state.speeches.get(params.data.speechId);
    if (!room || !speech) return void sendError(res, { code: 'NOT_FOUND', message: 'Không có phát biểu này' });
    const to = speech.status.kind === 'ended' ? speech.status.endedAt : deps.now();
    const cut = stream.cut(room.id, speech.startedAt, to);
    if (cut.segments.length === 0) return void sendError(res, { code: 'NOT_FOUND', message: 'Phát biểu này không được ghi hình', details: { reason: 'NOT_RECORDED' } });
    return { id: room.id, speech, cut, durationMs: to - speech.startedAt };
  };

  router.get('/api/conferences/:id/recordings/speeches/:speechId/index.m3u8', conferenceAccess, async (req: Request, res: Response) => {
    if (!listeners(req, res)) return;
    const found = await speechCut(req, res);
    if (!found) return;
    const base = `/api/conferences/${encodeURIComponent(found.id)}/recordings/segments`;
    const { vodPlaylist } = await import('./recordingIndex');
    res.setHeader('Cache-Control', 'no-store').type('application/vnd.apple.mpegurl').send(vodPlaylist(found.cut, (s) => `${base}/${s.run}/${s.file}`));
  });

  router.get('/api/conferences/:id/recordings/speeches/:speechId/speech.mp4', conferenceAccess, async (req: Request, res: Response) => {
    if (!listeners(req, res)) return;
    const found = await speechCut(req, res);
    if (!found) return;
    const work = mkdtempSync(join(tmpdir(), 'diem-cau-speech-'));
    const out = join(work, 'speech.mp4');
    try {
      await stream.speechMp4(found.id, found.cut, found.durationMs, out);
    } catch (error) {
      rmSync(work, { recursive: true, force: true });
      return sendError(res, { code: 'UNAVAILABLE', message: 'Không tạo được tệp ghi hình', details: { reason: String(error instanceof Error ? error.message : error).slice(0, 300) } });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.download(out, `phat-bieu-${found.speech.id}.mp4`, () => rmSync(work, { recursive: true, force: true }));
  });

  router.get('/api/conferences/:id/recordings/segments/:run/:file', conferenceAccess, (req: Request, res: Response) => {
    if (!listeners(req, res)) return;
    const params = SegmentParams.safeParse(req.params);
    if (!params.success) return sendError(res, invalid(params.error));
    const path = stream.segmentPath(params.data.id, params.data.run, params.data.file);
    if (!path) return sendError(res, { code: 'NOT_FOUND', message: 'Không có đoạn ghi hình này' });
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.type('video/mp2t').sendFile(path);
  });

  // The minutes' link to a speech's recording (LS3): into the organiser workspace, which asks for the sign-in it needs.
  router.get('/to-chuc/ghi-hinh/:id/:speechId', (req: Request, res: Response) => {
    const params = SpeechParams.safeParse(req.params);
    if (!params.success) return sendError(res, invalid(params.error));
    res.redirect(302, `/to-chuc#/c/${encodeURIComponent(params.data.id)}/recordings/${encodeURIComponent(params.data.speechId)}`);
  });

  router.delete('/api/conferences/:id/recordings', conferenceAccess, (req: Request, res: Response) => {
    if (!mayDelete(callerOf(res))) return sendError(res, { code: 'FORBIDDEN', message: 'Chỉ ban tổ chức xoá bản ghi' });
    const parsed = IdSchema.safeParse(req.params.id);
    if (!parsed.success) return sendError(res, invalid(parsed.error));
    res.json({ deletedRuns: stream.deleteRecordings(parsed.data) });
  });

  return router;
}
