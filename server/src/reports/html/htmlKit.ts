import type { ReportHeader } from '@diem-cau/shared';
import { PRINT_CSS } from './printCss';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text from the log goes through here: comments are user input. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Comment text keeps its line breaks. */
export function escLines(text: string): string {
  return esc(text).replace(/\r?\n/g, '<br>');
}

/** Counts, times and ratios ("3", "4:15", "2/4") are centred; words are not. */
const FIGURE = /^[\d:/.,–-]+$/;

export function gridTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, className = 'grid'): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((v) => `<td${FIGURE.test(String(v)) ? ' class="num"' : ''}>${esc(v)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${className}">${head}<tbody>${body}</tbody></table>`;
}

export function officialHeaderHtml(h: ReportHeader): string {
  const issuer = [h.issuerParent !== '' ? `<div>${esc(h.issuerParent)}</div>` : '', `<div class="b">${esc(h.issuer)}</div>`, h.style === 'party' ? '<div>*</div>' : '<div class="rule"></div>'].join('');
  const national = h.style === 'party'
    ? `<div class="b party u">${esc(h.national[0] ?? '')}</div>`
    : `<div class="b">${esc(h.national[0] ?? '')}</div><div class="b u motto">${esc(h.national[1] ?? '')}</div>`;
  return `<header class="official"><div class="issuer">${issuer}</div><div class="national">${national}<div class="date">${esc(h.dateLine)}</div></div></header>`;
}

/** A self-contained page: inline CSS, no script but the print button, nothing fetched. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<div class="toolbar no-print"><button type="button" onclick="window.print()">In / Lưu PDF</button></div>
<main>
${body}
</main>
</body>
</html>
`;
}
