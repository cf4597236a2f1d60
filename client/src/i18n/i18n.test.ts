import { COMMENT_KINDS } from '@diem-cau/shared';
import { en } from './en';
import { vi } from './vi';

function leaves(obj: unknown, path = ''): Array<[string, unknown]> {
  if (obj && typeof obj === 'object') return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, obj]];
}

describe('message catalogues', () => {
  it('English has every Vietnamese message, none empty', () => {
    const viKeys = leaves(vi).map(([k]) => k).sort();
    const enLeaves = leaves(en);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(viKeys);
    for (const [key, value] of enLeaves) expect([key, typeof value === 'string' ? value.length > 0 : typeof value === 'function']).toEqual([key, true]);
  });

  it('names the comment kinds the way secretaries say them', () => {
    expect(COMMENT_KINDS.map((k) => vi.kinds[k])).toEqual(['Tán thành', 'Làm rõ', 'Bổ sung', 'Sửa đổi', 'Bỏ', 'Đề xuất', 'Khác']);
  });
});
