/** `npm run parse-draft -- FILE [--title "…"]`: prints the parsed draft, warnings and stats as JSON. */
import { parseDraft } from '../shared/src/draft/parser';
import { readDraftText } from './readDraftText';

function usage(): never {
  console.error('usage: npm run parse-draft -- FILE [--title "Tên dự thảo"]');
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<void> {
  const titleAt = argv.indexOf('--title');
  const title = titleAt >= 0 ? argv[titleAt + 1] : undefined;
  if (titleAt >= 0 && title === undefined) usage();
  const file = argv.find((arg, i) => !arg.startsWith('--') && (titleAt < 0 || i !== titleAt + 1));
  if (file === undefined) usage();
  const result = parseDraft(await readDraftText(file), title === undefined ? {} : { title });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
