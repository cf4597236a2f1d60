import type { KindGroup, PlacedComment } from '@diem-cau/shared';
import { esc, escLines } from './htmlKit';

function contentCell(c: PlacedComment): string {
  const place = c.place === '' ? '' : `<b>${esc(c.place[0]?.toUpperCase() ?? '')}${esc(c.place.slice(1))}:</b> `;
  const also = c.alsoArticles.length === 0 ? '' : `<div class="muted">(Ý kiến này cũng góp ý Điều ${esc(c.alsoArticles.join(', '))})</div>`;
  const followed = c.followed ? `<div class="muted followed">${esc(c.followed)}</div>` : '';
  return `${place}${escLines(c.text)}${also}${followed}`;
}

function whoCell(c: PlacedComment): string {
  const name = c.speaker === '' ? '' : `<b>${esc(c.speaker)}</b>`;
  const position = c.position === '' ? '' : `<div class="muted">${esc(c.position)}</div>`;
  return `<div class="who">${name}${position}${esc(c.pointName)}<div class="muted">${esc(c.sourceLabel)}, ${esc(c.time)}</div></div>`;
}

function responseCell(c: PlacedComment): string {
  return c.response ? `<b>${esc(c.response.label)}</b><br>${escLines(c.response.explanation)}` : '';
}

/** The comments on one article (or the general ones) grouped by kind; the same columns as the DOCX. */
export function commentTableHtml(groups: readonly KindGroup[]): string {
  let no = 0;
  const row = (c: PlacedComment) => `<tr><td class="num">${(no += 1)}</td><td>${contentCell(c)}</td><td>${whoCell(c)}</td><td>${responseCell(c)}</td></tr>`;
  // The kind's heading row and its first comment share a tbody that may not break, so a heading never ends a page alone.
  const body = groups.map((g) => {
    const [first, ...rest] = g.comments;
    const head = `<tbody class="keep"><tr class="group"><td colspan="4">${esc(g.label)} (${g.comments.length} ý kiến)</td></tr>${first ? row(first) : ''}</tbody>`;
    return rest.length === 0 ? head : `${head}<tbody>${rest.map(row).join('\n')}</tbody>`;
  }).join('\n');
  const cols = '<colgroup><col style="width:7%"><col style="width:47%"><col style="width:24%"><col style="width:22%"></colgroup>';
  return `<table class="comments">${cols}<thead><tr><th>STT</th><th>Nội dung ý kiến</th><th>Đại biểu, điểm cầu</th><th>Tiếp thu, giải trình</th></tr></thead>${body}</table>`;
}
