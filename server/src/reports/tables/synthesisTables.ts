import {
  CONCORDANCE_HEADERS, GENERAL_COMMENTS_LABEL, allConsultations, concordanceTableRows, type PlacedComment, type SynthesisReport,
} from '@diem-cau/shared';
import { positionsTable } from './positionsTable';
import { col, type Cell, type ReportTable } from './reportTable';

function commentCells(c: PlacedComment, r: SynthesisReport): Cell[] {
  const cells: Cell[] = [c.kindLabel, c.pointName, c.speaker, c.position, c.sourceLabel, c.text, c.time, c.response?.label ?? '', c.response?.explanation ?? ''];
  return r.revision ? [...cells, c.followed ?? ''] : cells;
}

/** DA15: once a revision is confirmed, each comment also says where its article went. */
const FOLLOWED_COLUMN = col('Dự thảo lần 1 → dự thảo lần 2', 40, true);

const COMMENT_COLUMNS = [
  col('Loại ý kiến', 14), col('Điểm cầu', 24), col('Người góp ý', 22), col('Chức vụ', 28, true), col('Hình thức', 11),
  col('Nội dung ý kiến', 60, true), col('Thời gian', 10), col('Tiếp thu', 16), col('Giải trình', 40, true),
];

/** Every comment, one row per article it names (general comments last), in draft order. */
function commentsTable(r: SynthesisReport): ReportTable {
  const rows: Cell[][] = [];
  for (const ch of r.chapters) {
    for (const a of ch.articles) {
      for (const g of a.groups) for (const c of g.comments) rows.push([rows.length + 1, ch.label, a.label, a.title, c.place, ...commentCells(c, r)]);
    }
  }
  for (const g of r.general.groups) for (const c of g.comments) rows.push([rows.length + 1, '', GENERAL_COMMENTS_LABEL, '', c.refsLabel, ...commentCells(c, r)]);
  return {
    key: 'comments', title: 'Ý kiến theo điều',
    columns: [col('STT', 6), col('Chương', 10), col('Điều', 12), col('Tên điều', 30, true), col('Khoản, điểm', 16), ...COMMENT_COLUMNS, ...(r.revision ? [FOLLOWED_COLUMN] : [])],
    rows,
  };
}

function articlesTable(r: SynthesisReport): ReportTable {
  const rows = r.chapters.flatMap((ch) => ch.articles.map((a): Cell[] => [
    ch.label, a.label, a.title, a.count, a.points.map((p) => `${p.name} (${p.count})`).join('; '),
    ...r.summary.byKind.map((k) => a.groups.find((g) => g.kind === k.kind)?.comments.length ?? 0),
  ]));
  return {
    key: 'articles', title: 'Tổng hợp theo điều',
    columns: [col('Chương', 10), col('Điều', 10), col('Tên điều', 40, true), col('Số ý kiến', 10), col('Điểm cầu góp ý', 50, true), ...r.summary.byKind.map((k) => col(k.label, 11))],
    rows,
  };
}

function pointsTable(r: SynthesisReport): ReportTable {
  return {
    key: 'points', title: 'Theo điểm cầu',
    columns: [col('STT', 6), col('Điểm cầu', 32), col('Phát biểu', 11), col('Văn bản', 11), col('Tổng số ý kiến', 14)],
    rows: r.summary.byPoint.map((p, i) => [i + 1, p.name, p.spoken, p.written, p.count]),
  };
}

function summaryTable(r: SynthesisReport): ReportTable {
  const s = r.summary;
  const rows: Cell[][] = [
    ...s.byChapter.map((c): Cell[] => ['Chương', [c.label, c.title].filter(Boolean).join('. '), c.count]),
    ...s.byKind.map((k): Cell[] => ['Loại ý kiến', k.label, k.count]),
    ...s.byResponse.map((x): Cell[] => ['Tiếp thu', x.label, x.count]),
    ['Tổng', 'Tổng số ý kiến', s.total], ['Tổng', GENERAL_COMMENTS_LABEL, s.general],
    ['Tổng', 'Số điều có ý kiến', s.articlesCommented], ['Tổng', 'Số điều của dự thảo', s.articlesTotal],
  ];
  return { key: 'summary', title: 'Tổng hợp chung', columns: [col('Nhóm', 14), col('Mục', 50, true), col('Số lượng', 10)], rows };
}

function uncommentedTable(r: SynthesisReport): ReportTable {
  return {
    key: 'uncommented', title: 'Điều chưa có ý kiến',
    columns: [col('Chương', 10), col('Điều', 10), col('Tên điều', 60, true)],
    rows: r.uncommented.map((a) => [a.chapterLabel, a.label, a.title]),
  };
}

/** Points' positions in the consultations (PO), only when there were some: one row per point and consultation. */
function positionsTables(r: SynthesisReport): ReportTable[] {
  return positionsTable(allConsultations(r), 'Ý kiến về phương án');
}

/** The concordance table (old → new), only once a revision is confirmed (DA15). */
function concordanceTables(r: SynthesisReport): ReportTable[] {
  if (!r.revision) return [];
  const widths = [6, 22, 22, 20, 50];
  return [{ key: 'concordance', title: 'Bảng đối chiếu', columns: CONCORDANCE_HEADERS.map((h, i) => col(h, widths[i] ?? 14, i === 4)), rows: concordanceTableRows(r.revision) }];
}

/** The synthesis as tables; the first is what a CSV download gives by default. */
export function synthesisTables(r: SynthesisReport): ReportTable[] {
  return [commentsTable(r), summaryTable(r), articlesTable(r), pointsTable(r), uncommentedTable(r), ...positionsTables(r), ...concordanceTables(r)];
}
