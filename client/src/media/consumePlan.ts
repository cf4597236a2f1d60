import { stagePointId, type MediaFloor, type ProducerInfo } from '@diem-cau/shared';

/** The consoles that show media. A secretary's console has no media slot. */
export type MediaViewRole = 'chair' | 'point' | 'display';

export interface ConsumePlanInput {
  role: MediaViewRole;
  /** The point this console speaks for (never consumed: no echo of oneself). */
  selfPointId: string | null;
  floor: MediaFloor | null;
  producers: readonly ProducerInfo[];
}

/**
 * Which producers a console receives. Pure, so the choice is tested without a browser:
 * - every other point's microphone (the server holds those that may not be heard: a held one costs nothing
 *   on the wire, and it is heard the moment the floor reaches it, without a new consumer);
 * - the chair: every other point's thumbnail (its grid);
 * - a point and the display: the main camera of the point on the stage (the floor holder, else the chair).
 */
export function wantedProducerIds(input: ConsumePlanInput): Set<string> {
  const { role, selfPointId, floor, producers } = input;
  const stage = floor ? stagePointId(floor) : null;
  const wanted = new Set<string>();
  for (const p of producers) {
    if (p.pointId === selfPointId) continue;
    const wantedHere = p.source === 'mic' || (role === 'chair' ? p.source === 'thumb' : p.source === 'main' && p.pointId === stage);
    if (wantedHere) wanted.add(p.producerId);
  }
  return wanted;
}

/** The producer of a point's source, if it publishes one. */
export function producerOf(producers: readonly ProducerInfo[], pointId: string | null, source: ProducerInfo['source']): ProducerInfo | undefined {
  return pointId === null ? undefined : producers.find((p) => p.pointId === pointId && p.source === source);
}

/** What a point sees about itself, in the order the chair's decisions matter. */
export type SelfState = 'offline' | 'speaking' | 'live' | 'held' | 'muted';

export function selfStateOf(input: { floor: MediaFloor | null; selfPointId: string | null; mic: ProducerInfo | undefined; micMuted: boolean }): SelfState {
  const { floor, selfPointId, mic, micMuted } = input;
  if (!mic || !selfPointId) return 'offline';
  if (mic.heldByServer) return 'held';
  if (micMuted) return 'muted';
  return floor?.floorPointId === selfPointId ? 'speaking' : 'live';
}
