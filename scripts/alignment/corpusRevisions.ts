/**
 * The alignment test set: the real legal texts of ../shared/corpus/vn-legal (read at run time, never
 * copied into the repository), each revised with seeded, realistic revisions, and the alignment
 * scored against the true mapping. Used by the accuracy tests and `npm run bench:align`.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { alignDrafts } from '../../shared/src/draft/align';
import { reviewScore, reviseDraft, scoreAlignment, type AlignmentScore, type ReviewScore, type RevisionOptions, type Tally } from '../../shared/src/draft/align/revision';
import { articlesInOrder, type Article, type Draft } from '../../shared/src/draft/draft';
import { parseDraft } from '../../shared/src/draft/parser';
import { isDraftTextFile, readDraftText } from '../readDraftText';

export const CORPUS_DIR = resolve(__dirname, '../../../shared/corpus/vn-legal');

export interface CorpusDraft {
  file: string;
  draft: Draft;
}

export async function loadCorpus(dir: string = CORPUS_DIR): Promise<CorpusDraft[]> {
  if (!existsSync(dir)) throw new Error(`The legal corpus is missing: ${dir} (it is read at run time, not kept in the repository)`);
  const files = (await readdir(dir)).filter((f) => isDraftTextFile(f) && f.toLowerCase() !== 'readme.md').sort();
  return Promise.all(files.map(async (file) => ({ file, draft: parseDraft(await readDraftText(join(dir, file))).draft })));
}

/** Articles of the other documents: an inserted article or clause is new text, not a copy of this draft's. */
export function donorsFor(corpus: readonly CorpusDraft[], file: string): Article[] {
  return corpus.filter((c) => c.file !== file).flatMap((c) => articlesInOrder(c.draft).map((p) => p.article));
}

const plus = (a: Tally, b: Tally): Tally => ({ correct: a.correct + b.correct, total: a.total + b.total });
const NONE: Tally = { correct: 0, total: 0 };

/** Accuracy, and how many right and wrong article groups fall below REVIEW_CONFIDENCE. */
export type CorpusScore = AlignmentScore & { review: ReviewScore };
export const ZERO_SCORE: CorpusScore = { articles: NONE, clauses: NONE, review: { right: NONE, wrong: NONE } };
export const addScores = (a: CorpusScore, b: CorpusScore): CorpusScore => ({
  articles: plus(a.articles, b.articles),
  clauses: plus(a.clauses, b.clauses),
  review: { right: plus(a.review.right, b.review.right), wrong: plus(a.review.wrong, b.review.wrong) },
});

/**
 * How hard a revision is: the default, a quarter of the articles revised (a usual second round), or
 * `heavy`, as many revisions as articles (a draft rewritten).
 */
export const REVISION_LOADS = { usual: 0.25, heavy: 1 } as const;
export type RevisionLoad = keyof typeof REVISION_LOADS;

/** The file revised once per seed and aligned each time, the scores summed. */
export function scoreFile(corpus: readonly CorpusDraft[], entry: CorpusDraft, seeds: readonly number[], load: RevisionLoad = 'usual'): CorpusScore {
  const donors = donorsFor(corpus, entry.file);
  const count = Math.max(2, Math.round(articlesInOrder(entry.draft).length * REVISION_LOADS[load]));
  return seeds.reduce((sum, seed) => {
    const revised = reviseDraft(entry.draft, { seed, donors, count } satisfies RevisionOptions);
    const alignment = alignDrafts(entry.draft, revised.draft);
    return addScores(sum, { ...scoreAlignment(entry.draft, revised.draft, revised.truth, alignment), review: reviewScore(alignment, revised.truth) });
  }, ZERO_SCORE);
}

/**
 * A draft of `articles` real articles: the corpus texts' articles one after another (one chapter per
 * text, the longest texts first), numbered 1, 2, 3… — the size of a large code, for timing. `spare`: the
 * articles left out, the text of the revision's insertions.
 */
export function largeDraft(corpus: readonly CorpusDraft[], articles: number): { draft: Draft; spare: Article[] } {
  const texts = [...corpus].sort((a, b) => articlesInOrder(b.draft).length - articlesInOrder(a.draft).length);
  const chapters: Draft['chapters'] = [];
  const spare: Article[] = [];
  let number = 0;
  for (const { draft } of texts) {
    const all = articlesInOrder(draft).map((p) => p.article);
    const own = all.slice(0, articles - number).map((article) => ({ ...article, number: (number += 1) }));
    spare.push(...all.slice(own.length));
    if (own.length > 0) chapters.push({ number: String(chapters.length + 1), title: draft.title, articles: own, sections: [] });
  }
  if (number < articles) throw new Error(`The corpus holds ${number} articles, fewer than ${articles}`);
  return { draft: { title: 'Dự thảo tổng hợp', articles: [], chapters }, spare };
}
