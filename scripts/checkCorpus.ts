/**
 * `npm run check:corpus -- [DIR]`: parses every .txt/.md file of DIR and compares the structure
 * with DIR/expected.json. Score of a file = checks passed / checks, where the checks are the
 * four counts (parts, chapters, sections, articles) and one per expected chapter (its number,
 * first and last article all equal). The total is the same ratio over all files; the exit code
 * is 1 below 100 %.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Draft } from '../shared/src/draft/draft';
import { parseDraft } from '../shared/src/draft/parser';
import type { ParseResult } from '../shared/src/draft/parser';
import { isDraftTextFile, readDraftText } from './readDraftText';

const DEFAULT_DIR = '../shared/corpus/vn-legal';
const COUNTS = ['parts', 'chapters', 'sections', 'articles'] as const;

const ChapterRangeSchema = z.tuple([z.string(), z.number().int(), z.number().int()]);
const ExpectedSchema = z.object({
  parts: z.number().int(),
  chapters: z.number().int(),
  sections: z.number().int(),
  articles: z.number().int(),
  chapterArticles: z.array(ChapterRangeSchema),
});
type Expected = z.infer<typeof ExpectedSchema>;
type ChapterRange = z.infer<typeof ChapterRangeSchema>;

export interface FileScore {
  passed: number;
  checks: number;
  summary: string;
  details: string[];
}

export function chapterRanges(draft: Draft): Array<[string, number | null, number | null]> {
  return draft.chapters.map((chapter) => {
    const numbers = [...chapter.articles, ...chapter.sections.flatMap((s) => s.articles)].map((a) => a.number);
    return [chapter.number, numbers[0] ?? null, numbers[numbers.length - 1] ?? null];
  });
}

const showRange = (range: readonly [string, number | null, number | null] | undefined): string =>
  range ? `${range[0]} ${range[1] ?? '?'}–${range[2] ?? '?'}` : 'none';

export function scoreFile(result: ParseResult, expected: Expected): FileScore {
  const details: string[] = [];
  let passed = 0;
  const parts = COUNTS.map((key) => {
    const ok = result.stats[key] === expected[key];
    if (ok) passed += 1;
    else details.push(`${key}: expected ${expected[key]}, got ${result.stats[key]}`);
    return `${key} ${result.stats[key]}/${expected[key]}`;
  });
  const got = chapterRanges(result.draft);
  let ranges = 0;
  expected.chapterArticles.forEach((want: ChapterRange, i) => {
    const have = got[i];
    if (have && have[0] === want[0] && have[1] === want[1] && have[2] === want[2]) ranges += 1;
    else details.push(`chapter ${i + 1}: expected ${showRange(want)}, got ${showRange(have)}`);
  });
  passed += ranges;
  const summary = `${parts.join(' ')} ranges ${ranges}/${expected.chapterArticles.length}`;
  return { passed, checks: COUNTS.length + expected.chapterArticles.length, summary, details };
}

const percent = (passed: number, checks: number): string => `${(checks === 0 ? 100 : (100 * passed) / checks).toFixed(1)}%`;

async function main(dir: string): Promise<number> {
  const expectedAll = z.record(z.string(), z.unknown()).parse(JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')));
  const files = (await readdir(dir)).filter((f) => isDraftTextFile(f) && f.toLowerCase() !== 'readme.md').sort();
  let passed = 0;
  let checks = 0;
  for (const file of files) {
    const expected = ExpectedSchema.safeParse(expectedAll[file]);
    if (!expected.success) {
      console.log(`${file}  (no entry in expected.json, skipped)`);
      continue;
    }
    const score = scoreFile(parseDraft(await readDraftText(join(dir, file))), expected.data);
    passed += score.passed;
    checks += score.checks;
    console.log(`${file}  ${percent(score.passed, score.checks)}  ${score.summary}`);
    for (const detail of score.details) console.log(`    ${detail}`);
  }
  console.log(`TOTAL  ${percent(passed, checks)}  (${passed}/${checks} checks, ${files.length} files)`);
  return checks > 0 && passed === checks ? 0 : 1;
}

if (require.main === module) {
  main(resolve(process.argv[2] ?? DEFAULT_DIR))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    });
}
