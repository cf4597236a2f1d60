import { DEMO_DRAFT_TEXT, parseDraft } from '@diem-cau/shared';
import { searchArticles } from './articleSearch';

const { draft } = parseDraft(DEMO_DRAFT_TEXT, { title: 'Dự thảo' });
const labels = (q: string) => searchArticles(draft, q).map((o) => o.label);

describe('article type-ahead', () => {
  it('"5" goes to Điều 5 first, then other articles starting with 5 and its clauses', () => {
    expect(labels('5')[0]).toBe('Điều 5');
    expect(labels('5')).toContain('Điều 5 khoản 2');
  });

  it('"1" offers Điều 1 then Điều 10 to 16', () => {
    expect(labels('1').slice(0, 3)).toEqual(['Điều 1', 'Điều 10', 'Điều 11']);
  });

  it('"5.2" goes to Điều 5 khoản 2, and so do "5 2", "5k2" and "điều 5 khoản 2"', () => {
    for (const q of ['5.2', '5 2', '5k2', 'điều 5 khoản 2', 'Dieu 5 khoan 2']) expect(labels(q)[0]).toBe('Điều 5 khoản 2');
  });

  it('"5.1.a" goes to the item when the clause has items', () => {
    expect(labels('5.1.a')[0]).toBe('Điều 5 khoản 1 điểm a');
    expect(labels('5.1')).toContain('Điều 5 khoản 1 điểm b');
  });

  it('an unknown clause falls back to the article', () => {
    expect(labels('5.9')).toEqual(['Điều 5']);
    expect(labels('99')).toEqual([]);
  });

  it('finds articles by title words typed without diacritics', () => {
    expect(labels('nhiem ky')[0]).toBe('Điều 9');
    expect(labels('giai thich tu ngu')).toEqual(['Điều 2']);
    expect(labels('Nhiệm kỳ')[0]).toBe('Điều 9');
  });

  it('puts whole-word matches before matches inside words and caps the list', () => {
    const result = searchArticles(draft, 'quan he');
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((o) => /quan hệ/i.test(o.title))).toBe(true);
    expect(searchArticles(draft, 'dang', 3)).toHaveLength(3);
  });

  it('offers nothing for an empty query', () => {
    expect(searchArticles(draft, '   ')).toEqual([]);
  });
});
