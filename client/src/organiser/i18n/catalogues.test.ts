import { en } from './en';
import { vi } from './vi';

function leaves(obj: unknown, path = ''): Array<[string, unknown]> {
  if (obj && typeof obj === 'object') return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, obj]];
}

describe('organiser catalogues', () => {
  it('English has every Vietnamese message, none empty', () => {
    expect(leaves(en).map(([k]) => k).sort()).toEqual(leaves(vi).map(([k]) => k).sort());
    for (const [key, value] of leaves(en)) expect([key, typeof value === 'string' ? value.length > 0 : typeof value === 'function']).toEqual([key, true]);
  });
});
