import type { MediaFloor, ProducerInfo } from '@diem-cau/shared';
import { producerOf, receivePlan, selfStateOf, wantedProducerIds } from './consumePlan';

const p = (pointId: string, source: ProducerInfo['source'], extra: Partial<ProducerInfo> = {}): ProducerInfo => ({
  producerId: `${pointId}-${source}`, pointId, kind: source === 'mic' ? 'audio' : 'video', source, paused: false, heldByServer: false, ...extra,
});
const PRODUCERS = ['tw', 'hue', 'cantho', 'hanoi'].flatMap((id) => [p(id, 'main'), p(id, 'thumb'), p(id, 'mic')]);
const floor = (floorPointId: string | null, mode: MediaFloor['mode'] = 'request'): MediaFloor => ({ mode, chairPointId: 'tw', floorPointId });
const sorted = (s: Set<string>) => [...s].sort();

describe('wantedProducerIds', () => {
  test('the chair receives every other point’s thumbnail and microphone, and the floor holder’s main camera only', () => {
    expect(sorted(wantedProducerIds({ role: 'chair', selfPointId: 'tw', floor: floor('hue'), producers: PRODUCERS })))
      .toEqual(['cantho-mic', 'cantho-thumb', 'hanoi-mic', 'hanoi-thumb', 'hue-main', 'hue-mic', 'hue-thumb']);
    expect(sorted(wantedProducerIds({ role: 'chair', selfPointId: 'tw', floor: floor(null), producers: PRODUCERS })))
      .toEqual(['cantho-mic', 'cantho-thumb', 'hanoi-mic', 'hanoi-thumb', 'hue-mic', 'hue-thumb']);
  });

  test('a point receives the floor holder’s main camera and the other microphones, never its own', () => {
    expect(sorted(wantedProducerIds({ role: 'point', selfPointId: 'cantho', floor: floor('hue'), producers: PRODUCERS })))
      .toEqual(['hanoi-mic', 'hue-main', 'hue-mic', 'tw-mic']);
  });

  test('nobody on the floor: the stage shows the chair; the floor holder itself needs no main camera', () => {
    expect(wantedProducerIds({ role: 'display', selfPointId: null, floor: floor(null), producers: PRODUCERS }).has('tw-main')).toBe(true);
    expect(wantedProducerIds({ role: 'point', selfPointId: 'hue', floor: floor('hue'), producers: PRODUCERS }).has('hue-main')).toBe(false);
  });

  test('the next point in the queue is received on standby (paused), the stage live', () => {
    const plan = receivePlan({ role: 'display', selfPointId: null, floor: floor('hue'), nextPointId: 'cantho', producers: PRODUCERS });
    expect(plan.get('hue-main')).toBe('live');
    expect(plan.get('cantho-main')).toBe('standby');
    expect(plan.get('hanoi-main')).toBeUndefined();
    expect(receivePlan({ role: 'chair', selfPointId: 'tw', floor: floor('hue'), nextPointId: 'cantho', producers: PRODUCERS }).has('cantho-main')).toBe(false);
    expect(receivePlan({ role: 'point', selfPointId: 'cantho', floor: floor('hue'), nextPointId: 'cantho', producers: PRODUCERS }).has('cantho-main')).toBe(false);
  });

  test('before the conference state is known no camera is received', () => {
    expect(sorted(wantedProducerIds({ role: 'display', selfPointId: null, floor: null, producers: PRODUCERS }))).toEqual(['cantho-mic', 'hanoi-mic', 'hue-mic', 'tw-mic']);
  });
});

describe('selfStateOf', () => {
  const mic = p('hue', 'mic');
  test.each([
    ['held by the floor', { mic: { ...mic, heldByServer: true, paused: true }, micMuted: false, floor: floor('cantho') }, 'held'],
    ['held wins over muted', { mic: { ...mic, heldByServer: true, paused: true }, micMuted: true, floor: floor(null) }, 'held'],
    ['granted', { mic, micMuted: false, floor: floor('hue') }, 'speaking'],
    ['granted but muted by itself', { mic, micMuted: true, floor: floor('hue') }, 'muted'],
    ['open mode, not on the floor', { mic, micMuted: false, floor: floor(null, 'open') }, 'live'],
    ['not publishing', { mic: undefined, micMuted: false, floor: floor('hue') }, 'offline'],
  ] as const)('%s', (_name, input, expected) => {
    expect(selfStateOf({ selfPointId: 'hue', ...input })).toBe(expected);
  });

  test('producerOf finds a point’s source', () => {
    expect(producerOf(PRODUCERS, 'hue', 'thumb')?.producerId).toBe('hue-thumb');
    expect(producerOf(PRODUCERS, null, 'thumb')).toBeUndefined();
  });
});
