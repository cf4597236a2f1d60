// npm run bench:align [-- --seeds 5 --articles 400 --runs 7]
// Alignment accuracy on the legal corpus (../shared/corpus/vn-legal, read at run time), each text revised
// with seeded revisions (a usual round: a quarter of the articles; a heavy one: as many revisions as
// articles), and the time to align a draft of 400 real articles with its revision, median of several runs.
// Targets (issue 12): ≥ 95 % of articles and ≥ 90 % of clauses mapped correctly; 400 articles in < 1 s.
import { performance } from 'node:perf_hooks';
import { alignDrafts, REVIEW_CONFIDENCE } from '../../shared/src/draft/align';
import { percentOf, reviseDraft, scoreAlignment, type AlignmentScore } from '../../shared/src/draft/align/revision';
import { articlesInOrder } from '../../shared/src/draft/draft';
import { addScores, loadCorpus, largeDraft, scoreFile, ZERO_SCORE, type CorpusDraft, type CorpusScore, type RevisionLoad } from '../alignment/corpusRevisions';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SEEDS = Array.from({ length: arg('seeds', 5) }, (_, k) => k + 1);
const ARTICLES = arg('articles', 400);
const RUNS = arg('runs', 7);
const ARTICLES_TARGET_PERCENT = 95;
const CLAUSES_TARGET_PERCENT = 90;
const TIME_TARGET_MS = 1000;

const show = (score: AlignmentScore) =>
  `articles ${percentOf(score.articles).toFixed(1).padStart(5)} % (${score.articles.correct}/${score.articles.total})  ` +
  `clauses ${percentOf(score.clauses).toFixed(1).padStart(5)} % (${score.clauses.correct}/${score.clauses.total})`;

function accuracy(corpus: readonly CorpusDraft[], load: RevisionLoad): CorpusScore {
  console.log(`\n${load} revision, seeds ${SEEDS.join(', ')}:`);
  let total = ZERO_SCORE;
  for (const entry of corpus) {
    const score = scoreFile(corpus, entry, SEEDS, load);
    total = addScores(total, score);
    console.log(`  ${entry.file.padEnd(56)} ${show(score)}`);
  }
  console.log(`  ${'OVERALL'.padEnd(56)} ${show(total)}`);
  const { right, wrong } = total.review;
  console.log(`  flagged for review (confidence < ${REVIEW_CONFIDENCE}): ${wrong.correct} of ${wrong.total} wrong article groups, ${right.correct} of ${right.total} right ones`);
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function timing(corpus: readonly CorpusDraft[]): number {
  const { draft: before, spare } = largeDraft(corpus, ARTICLES);
  const revised = reviseDraft(before, { seed: 1, donors: spare });
  const clauses = articlesInOrder(before).reduce((n, p) => n + p.article.clauses.length, 0);
  const times: number[] = [];
  let score: AlignmentScore = ZERO_SCORE;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const alignment = alignDrafts(before, revised.draft);
    times.push(performance.now() - started);
    score = scoreAlignment(before, revised.draft, revised.truth, alignment);
  }
  console.log(`\n${ARTICLES} articles (${clauses} clauses) vs a revision of ${revised.applied.length} revisions (${articlesInOrder(revised.draft).length} articles):`);
  console.log(`  ${show(score)}`);
  console.log(`  align: median ${median(times).toFixed(0)} ms of ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  return median(times);
}

async function main(): Promise<number> {
  const corpus = await loadCorpus();
  const usual = accuracy(corpus, 'usual');
  const heavy = accuracy(corpus, 'heavy');
  const ms = timing(corpus);
  const ok = [usual, heavy].every((s) => percentOf(s.articles) >= ARTICLES_TARGET_PERCENT && percentOf(s.clauses) >= CLAUSES_TARGET_PERCENT) && ms < TIME_TARGET_MS;
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: targets ≥ ${ARTICLES_TARGET_PERCENT} % articles, ≥ ${CLAUSES_TARGET_PERCENT} % clauses, ${ARTICLES} articles < ${TIME_TARGET_MS} ms`);
  return ok ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
