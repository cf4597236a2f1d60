// npm run verify -- ARCHIVE: checks a conference archive's manifest and its log's hash chain (AR2); exit 0 when
// nothing was altered, 1 with one line per altered, missing, added or moved file or event.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeProblem, verifyArchive } from '../../server/src/archive/verifyArchive';
import { positional } from '../store/storeArgs';

async function main(): Promise<number> {
  const file = positional();
  if (!file || !existsSync(resolve(file))) {
    process.stderr.write('usage: npm run verify -- ARCHIVE.tar\n');
    return 2;
  }
  const verdict = await verifyArchive(resolve(file));
  const m = verdict.manifest;
  if (m) process.stdout.write(`${m.conferenceId} (${m.title}), made ${m.createdAt}: ${m.files.length} files, log of ${m.log.events} events, head hash ${m.log.headHash}\n`);
  for (const p of verdict.problems) process.stdout.write(`ALTERED ${describeProblem(p)}\n`);
  process.stdout.write(verdict.ok ? 'OK: every file matches the manifest and the log\'s chain is whole\n' : `NOT VERIFIED: ${verdict.problems.length} problem(s)\n`);
  return verdict.ok ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
