import { moveInQueue } from '@diem-cau/shared';
import { dropIndex, keyMoveIndex } from './queueMoves';

const q = ['a', 'b', 'c', 'd'];

describe('queue moves', () => {
  it.each([
    ['a', 'c', 'before', ['b', 'a', 'c', 'd']],
    ['a', 'c', 'after', ['b', 'c', 'a', 'd']],
    ['d', 'a', 'before', ['d', 'a', 'b', 'c']],
    ['d', 'b', 'after', ['a', 'b', 'd', 'c']],
    ['c', 'd', 'after', ['a', 'b', 'd', 'c']],
  ] as const)('dropping %s %s %s gives the order the hub will apply', (id, target, where, expected) => {
    const to = dropIndex(q, id, target, where);
    expect(to).toBeDefined();
    expect(moveInQueue(q, id, to!)).toEqual(expected);
  });

  it('ignores drops that change nothing', () => {
    expect(dropIndex(q, 'b', 'c', 'before')).toBeUndefined();
    expect(dropIndex(q, 'b', 'a', 'after')).toBeUndefined();
    expect(dropIndex(q, 'b', 'b', 'after')).toBeUndefined();
  });

  it('moves one step, to the top or to the bottom by keyboard, and not past the ends', () => {
    expect(keyMoveIndex(q, 'b', 'up')).toBe(0);
    expect(keyMoveIndex(q, 'b', 'down')).toBe(2);
    expect(keyMoveIndex(q, 'c', 'top')).toBe(0);
    expect(keyMoveIndex(q, 'a', 'bottom')).toBe(3);
    expect(keyMoveIndex(q, 'a', 'up')).toBeUndefined();
    expect(keyMoveIndex(q, 'd', 'down')).toBeUndefined();
    expect(keyMoveIndex(q, 'x', 'down')).toBeUndefined();
  });
});
