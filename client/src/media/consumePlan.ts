import { stagePointId, type ConferenceState, type MediaFloor, type ProducerInfo } from '@diem-cau/shared';

/** The consoles that show media. A secretary's console has no media slot. */
export type MediaViewRole = 'chair' | 'point' | 'display';

export interface ConsumePlanInput {
  role: MediaViewRole;
  /** The point this console speaks for (never consumed: no echo of oneself). */
  selfPointId: string | null;
  floor: MediaFloor | null;
  /** The point at the head of the chair's queue: its camera is received ahead, paused, for a fast switch. */
  nextPointId?: string | null;
  producers: readonly ProducerInfo[];
}

/** `live`: received and shown; `standby`: received and decoded but not shown yet (the next speaker's camera). */
export type ReceiveMode = 'live' | 'standby';

/**
 * What a console receives, and how. Pure, so the choice is tested without a browser:
 * - every other point's microphone, live (the hub holds those that may not be heard: a held one costs nothing
 *   on the wire, and it is heard the moment the floor reaches it, without a new consumer);
 * - the chair: every other point's thumbnail (its grid), and the floor holder's main camera, shown large beside it;
 * - a point and the display: the main camera of the point on the stage (the floor holder, else the chair),
 *   and on standby the camera of the next point in the queue, so a grant only brings its picture to the front.
 */
export function receivePlan(input: ConsumePlanInput): Map<string, ReceiveMode> {
  const { role, selfPointId, floor, nextPointId = null, producers } = input;
  const stage = floor ? stagePointId(floor) : null;
  const plan = new Map<string, ReceiveMode>();
  for (const p of producers) {
    if (p.pointId === selfPointId) continue;
    if (p.source === 'mic' || (role === 'chair' && p.source === 'thumb')) plan.set(p.producerId, 'live');
    else if (role === 'chair' && p.source === 'main' && p.pointId === floor?.floorPointId) plan.set(p.producerId, 'live');
    else if (role !== 'chair' && p.source === 'main' && p.pointId === stage) plan.set(p.producerId, 'live');
    else if (role !== 'chair' && p.source === 'main' && p.pointId === nextPointId && floor !== null) plan.set(p.producerId, 'standby');
  }
  return plan;
}

/** The producers a console receives, whatever the mode. */
export function wantedProducerIds(input: ConsumePlanInput): Set<string> {
  return new Set(receivePlan(input).keys());
}

/** The point of the first request in the chair's queue, if any. */
export function nextPointIdOf(state: ConferenceState): string | null {
  const head = state.queue[0];
  return (head !== undefined && state.requests.get(head)?.pointId) || null;
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
