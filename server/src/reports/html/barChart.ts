import { esc } from './htmlKit';

export interface Bar {
  label: string;
  title: string;
  value: number;
}

const ROW_H = 20;
const LABEL_W = 80;
const CHART_W = 600;
const VALUE_W = 36;
/** Bars per SVG: one SVG cannot break across printed pages, so long drafts get several. */
export const BARS_PER_CHART = 45;

function barRow(bar: Bar, i: number, scale: number): string {
  const y = i * ROW_H;
  const w = Math.max(bar.value > 0 ? 1 : 0, bar.value * scale);
  return `<g><title>${esc(`${bar.label}. ${bar.title}: ${bar.value} ý kiến`)}</title>` +
    `<text x="${LABEL_W - 6}" y="${y + 15}" text-anchor="end">${esc(bar.label)}</text>` +
    `<rect x="${LABEL_W}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_H - 7}" fill="${bar.value > 0 ? '#2f5d9b' : '#ccc'}"/>` +
    `<text x="${LABEL_W + w + 4}" y="${y + 15}">${bar.value}</text></g>`;
}

function chart(bars: readonly Bar[], max: number): string {
  const scale = max === 0 ? 0 : (CHART_W - LABEL_W - VALUE_W) / max;
  const height = bars.length * ROW_H + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_W} ${height}" role="img" font-family="Times New Roman, Liberation Serif, serif" font-size="13">` +
    `<line x1="${LABEL_W}" y1="0" x2="${LABEL_W}" y2="${height}" stroke="#000" stroke-width="0.6"/>` +
    bars.map((b, i) => barRow(b, i, scale)).join('') + '</svg>';
}

/** Comments per article as horizontal bars (inline SVG), in draft order, one shared scale. */
export function barChart(bars: readonly Bar[], caption: string): string {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  const parts: string[] = [];
  for (let i = 0; i < bars.length; i += BARS_PER_CHART) parts.push(`<div class="chart">${chart(bars.slice(i, i + BARS_PER_CHART), max)}</div>`);
  return `<figure aria-label="${esc(caption)}" style="margin:0">${parts.join('\n')}<figcaption class="legend">${esc(caption)}</figcaption></figure>`;
}
