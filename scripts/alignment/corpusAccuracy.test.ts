import { percentOf } from '../../shared/src/draft/align/revision';
import { addScores, loadCorpus, scoreFile, ZERO_SCORE, type CorpusDraft } from './corpusRevisions';

/** The targets of issue 12: a revised draft's articles and clauses mapped correctly. */
const ARTICLES_TARGET_PERCENT = 95;
const CLAUSES_TARGET_PERCENT = 90;
const SEEDS = [1, 2, 3, 4, 5];
/** Files this small (4–5 articles, no clauses) are too few units for a per-file percentage to mean much. */
const MIN_ARTICLES_PER_FILE = 20;

let corpus: CorpusDraft[] = [];

beforeAll(async () => {
  corpus = await loadCorpus();
});

describe('alignment accuracy on the legal corpus (../shared/corpus/vn-legal, revised with seeded revisions)', () => {
  it('DA10: reads the nine corpus texts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(9);
  });

  it('DA10: a usual revision (a quarter of the articles revised), five seeds per text: ≥ 95 % of articles and ≥ 90 % of clauses, overall and per text', () => {
    let total = ZERO_SCORE;
    for (const entry of corpus) {
      const score = scoreFile(corpus, entry, SEEDS);
      total = addScores(total, score);
      if (score.articles.total / SEEDS.length / 2 < MIN_ARTICLES_PER_FILE) continue;
      expect({ file: entry.file, articles: percentOf(score.articles) >= ARTICLES_TARGET_PERCENT, clauses: percentOf(score.clauses) >= CLAUSES_TARGET_PERCENT })
        .toEqual({ file: entry.file, articles: true, clauses: true });
    }
    expect(percentOf(total.articles)).toBeGreaterThanOrEqual(ARTICLES_TARGET_PERCENT);
    expect(percentOf(total.clauses)).toBeGreaterThanOrEqual(CLAUSES_TARGET_PERCENT);
  });

  it('DA10: a heavy revision (as many revisions as articles), three seeds: the same targets overall', () => {
    const total = corpus.reduce((sum, entry) => addScores(sum, scoreFile(corpus, entry, [11, 12, 13], 'heavy')), ZERO_SCORE);
    expect(percentOf(total.articles)).toBeGreaterThanOrEqual(ARTICLES_TARGET_PERCENT);
    expect(percentOf(total.clauses)).toBeGreaterThanOrEqual(CLAUSES_TARGET_PERCENT);
  });
});
