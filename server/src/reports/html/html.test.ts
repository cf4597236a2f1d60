import { fixtureReports, TRICKY } from '../testing/reportFixture';
import { esc } from './htmlKit';
import { heatColour } from './heatmapTable';
import { minutesHtml } from './minutesHtml';
import { synthesisHtml } from './synthesisHtml';

describe('HTML print view', () => {
  const { synthesis, minutes, header } = fixtureReports();
  const html = synthesisHtml(synthesis, header);

  it('V1: is one self-contained Vietnamese page with print CSS for A4', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<(link|img|script)\b/i);
    expect(html).not.toMatch(/src=|href=/);
  });

  it('V2: escapes comment text, so markup in a comment stays text', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(esc(TRICKY.markup));
    expect(html).toContain('Sửa &quot;khoản 2&quot;, thêm<br>dòng mới');
  });

  it('V3: draws the comments-per-article chart (inline SVG) and the article × point heatmap', () => {
    expect(html).toContain('<svg');
    expect((html.match(/<rect /g) ?? []).length).toBe(3);
    const heatmap = html.slice(html.indexOf('<table class="heatmap">'));
    expect(heatmap).toContain('<th class="point">Tỉnh ủy Thái Nguyên</th>');
    expect(heatColour(0, 3)).toBe('');
    expect(heatColour(3, 3)).toContain('color:#fff');
  });

  it('V4: lists articles in draft order and the minutes in time order', () => {
    const positions = ['Điều 1. Phạm vi điều chỉnh', 'Điều 2. Giải thích từ ngữ', 'Điều 3. Nhiệm vụ, quyền hạn'].map((s) => html.indexOf(`<h4>${s}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const m = minutesHtml(minutes, header);
    expect(m.indexOf('Khai mạc hội nghị')).toBeLessThan(m.indexOf('Đồng chí Dương Xuân Hùng'));
    expect(m.indexOf('Đồng chí Đinh Thị Hà')).toBeLessThan(m.indexOf('Bế mạc hội nghị'));
  });
});
