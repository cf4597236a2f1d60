import type { Response } from 'express';
import type { ConferenceHub } from '../hub/conferenceHub';
import { sendError } from './httpErrors';

/** The conference's room brought up to date, or undefined after answering NOT_FOUND. */
export async function roomOrNotFound(hub: ConferenceHub, id: string, res: Response) {
  const room = await hub.room(id);
  if (!room) sendError(res, { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' });
  else await room.catchUp();
  return room;
}
