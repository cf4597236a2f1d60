// npm run bench:reports [-- --articles 400 --comments 5000 --points 60 --runs 3]
// Parses a generated draft, then builds every report (synthesis and minutes × docx/xlsx/csv/html)
// for a generated conference log, printing the times. Targets: parse < 200 ms, each report < 2 s.
import {
  ConferenceSetupSchema, DraftSchema, buildMinutes, buildSynthesis, parseDraft, renderDraftText, replay, reportHeaderOf,
  type ArticleRef, type Draft, type DraftInput, type StoredEvent,
} from '@diem-cau/shared';
import { REPORT_FORMATS, renderReport, type ReportModel } from '../../server/src/reports/reportFormats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 400);
const COMMENTS = arg('comments', 5000);
const POINTS = arg('points', 60);
const RUNS = arg('runs', 3);
/** `--only synthesis.docx` times one report. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const COMMENTS_PER_SPEECH = 8;
const T0 = Date.UTC(2023, 9, 27, 1, 0, 0);

/** mulberry32: a seeded generator, so every run builds the same conference. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20231027);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

function generatedDraft(articles: number): DraftInput {
  const perChapter = 20;
  const chapters = Array.from({ length: Math.ceil(articles / perChapter) }, (_, c) => ({
    number: String(c + 1), title: `QUY ĐỊNH VỀ NHÓM VẤN ĐỀ SỐ ${c + 1}`,
    articles: Array.from({ length: Math.min(perChapter, articles - c * perChapter) }, (_, i) => ({
      number: c * perChapter + i + 1, title: `Trách nhiệm của cơ quan, tổ chức thứ ${c * perChapter + i + 1}`,
      clauses: Array.from({ length: 3 }, (_, k) => ({
        number: k + 1, text: `Cơ quan có trách nhiệm thực hiện nhiệm vụ được giao theo quy định của pháp luật, bảo đảm công khai, minh bạch.`,
        items: k === 1 ? [{ letter: 'a', text: 'Xây dựng kế hoạch hằng năm;' }, { letter: 'b', text: 'Báo cáo kết quả thực hiện.' }] : [],
      })),
    })),
  }));
  return { title: 'Dự thảo Quy định thử tải', chapters };
}

function setupOf(draft: Draft) {
  const points = Array.from({ length: POINTS }, (_, i) => ({
    id: i === 0 ? 'tw' : `p-${i}`, name: i === 0 ? 'Điểm cầu Trung ương' : `Tỉnh ủy số ${String(i).padStart(2, '0')}`,
    kind: i === 0 ? 'central' : 'provincial',
    delegates: [{ id: `d-${i}`, name: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i}`, position: 'Trưởng Ban Tổ chức' }],
  }));
  return ConferenceSetupSchema.parse({ title: 'Hội nghị thử tải báo cáo', draft, points, agenda: [{ id: 'tl', kind: 'discussion', title: 'Thảo luận' }] });
}

function refsOf(articles: number): ArticleRef[] {
  const article = 1 + Math.floor(rnd() * articles);
  const r = rnd();
  if (r < 0.3) return [{ article, clause: 1 + Math.floor(rnd() * 3) }];
  if (r < 0.4) return [{ article, clause: 2, item: pick(['a', 'b']) }];
  if (r < 0.5) return [{ article }, { article: 1 + Math.floor(rnd() * articles) }];
  return r < 0.95 ? [{ article }] : [];
}

/** A log: created, started, speeches with their comments, written comments, ended. */
function generatedLog(draft: Draft): StoredEvent[] {
  const setup = setupOf(draft);
  const actor = { role: 'chair' as const, sessionId: 's' };
  const log: StoredEvent[] = [];
  let at = T0;
  const push = (e: Record<string, unknown>) => log.push({ ...e, seq: log.length + 1, at: (at += 1000 + Math.floor(rnd() * 4000)), actor, commandId: `c${log.length + 1}` } as unknown as StoredEvent);
  push({ type: 'conference.created', payload: { conferenceId: 'bench', setup } });
  push({ type: 'conference.started', payload: {} });
  push({ type: 'agenda.activated', payload: { itemId: 'tl' } });
  const written = Math.floor(COMMENTS * 0.04);
  const speeches = Math.ceil((COMMENTS - written) / COMMENTS_PER_SPEECH);
  let comments = 0;
  for (let s = 0; s < speeches; s += 1) {
    const point = pick(setup.points);
    const speechId = `s${s}`;
    const delegate = { name: point.delegates[0]?.name ?? 'Đại biểu', position: 'Trưởng Ban Tổ chức' };
    push({ type: 'floor.granted', payload: { speechId, pointId: point.id, delegate, articles: refsOf(ARTICLES), topic: '', limitS: 300 } });
    if (s % 5 === 0) push({ type: 'floor.extended', payload: { speechId, seconds: 60 } });
    for (let k = 0; k < COMMENTS_PER_SPEECH && comments < COMMENTS - written; k += 1, comments += 1) {
      push({ type: 'comment.logged', payload: { commentId: `k${comments}`, speechId, pointId: point.id, delegate, articles: refsOf(ARTICLES), kind: pick(['agree', 'clarify', 'supplement', 'amend', 'remove', 'propose', 'other']), text: `Đề nghị nghiên cứu, chỉnh sửa nội dung cho phù hợp với thực tiễn của địa phương (ý kiến số ${comments + 1}).`, source: 'spoken' } });
    }
    push({ type: 'floor.released', payload: { speechId, reason: 'released' } });
  }
  for (let w = 0; w < written; w += 1, comments += 1) {
    const point = pick(setup.points);
    push({ type: 'comment.logged', payload: { commentId: `k${comments}`, pointId: point.id, articles: refsOf(ARTICLES), kind: 'propose', text: `=Ý kiến bằng văn bản số ${w + 1}`, source: 'written' } });
  }
  push({ type: 'conference.ended', payload: {} });
  return log;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

function benchParse(): Draft {
  const text = renderDraftText(DraftSchema.parse(generatedDraft(ARTICLES)));
  const runs = Array.from({ length: RUNS + 1 }, () => time(() => parseDraft(text)));
  const last = runs[runs.length - 1]?.value;
  if (!last) throw new Error('no parse');
  console.log(`draft: ${ARTICLES} articles, ${(text.length / 1024).toFixed(0)} KiB text; parsed ${last.stats.articles} articles`);
  console.log(`parse                  first ${f(runs[0]?.ms ?? 0)}   median of ${RUNS} warm ${f(median(runs.slice(1).map((r) => r.ms)))}   (target < 200 ms)`);
  return last.draft;
}

async function benchReports(events: StoredEvent[]): Promise<number> {
  const replayed = time(() => replay(events));
  const state = replayed.value;
  if (!state) throw new Error('no state');
  console.log(`log: ${events.length} events, ${state.comments.ids.length} comments, ${state.speeches.ids.length} speeches, ${state.points.ids.length} points; replay ${f(replayed.ms)} (not part of a report)`);
  let worst = 0;
  for (const kind of ['synthesis', 'minutes'] as const) {
    for (const format of REPORT_FORMATS) {
      if (ONLY !== undefined && ONLY !== `${kind}.${format}`) continue;
      const samples: Array<{ model: number; render: number; bytes: number }> = [];
      for (let r = 0; r < RUNS; r += 1) {
        const model = time((): ReportModel => (kind === 'synthesis' ? { kind, report: buildSynthesis(state) } : { kind, report: buildMinutes(events) as NonNullable<ReturnType<typeof buildMinutes>> }));
        const header = reportHeaderOf(model.value.report.conference);
        const render = await timeAsync(() => renderReport(model.value, format, { header, now: new Date(T0) }));
        samples.push({ model: model.ms, render: render.ms, bytes: render.value?.length ?? 0 });
      }
      const total = median(samples.map((s) => s.model + s.render));
      worst = Math.max(worst, total);
      console.log(`${`${kind}.${format}`.padEnd(18)} model ${f(median(samples.map((s) => s.model)))}  render ${f(median(samples.map((s) => s.render)))}  total ${f(total)}  ${((samples[0]?.bytes ?? 0) / 1024).toFixed(0).padStart(6)} KiB`);
    }
  }
  return worst;
}

async function main(): Promise<void> {
  const draft = benchParse();
  const worst = await benchReports(generatedLog(draft));
  console.log(`slowest report (median of ${RUNS}): ${f(worst)}   (target < 2000 ms each)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
