import type { Heatmap } from '@diem-cau/shared';
import { esc } from './htmlKit';

/** White to dark red by share of the busiest cell; text turns white on dark cells. */
export function heatColour(count: number, max: number): string {
  if (count === 0 || max === 0) return '';
  const t = 0.15 + 0.85 * (count / max);
  const channel = (from: number, to: number) => Math.round(from + (to - from) * t);
  const bg = `rgb(${channel(255, 150)},${channel(255, 20)},${channel(255, 30)})`;
  return ` style="background:${bg};${t > 0.55 ? 'color:#fff;' : ''}"`;
}

/** Articles × points: how much each point said about each article. */
export function heatmapTable(h: Heatmap): string {
  if (h.points.length === 0) return '<p class="note">Chưa có ý kiến nào gắn với điều của dự thảo.</p>';
  const head = `<thead><tr><th>Điều</th>${h.points.map((p) => `<th class="point">${esc(p.name)}</th>`).join('')}<th>Tổng</th></tr></thead>`;
  const rows = h.rows.map((r) => {
    const cells = r.counts.map((n) => `<td${heatColour(n, h.max)}>${n === 0 ? '' : n}</td>`).join('');
    return `<tr><td class="article" title="${esc(r.title)}">${esc(r.label)}</td>${cells}<td><b>${r.total}</b></td></tr>`;
  });
  return `<table class="heatmap">${head}<tbody>${rows.join('\n')}</tbody></table>`;
}
