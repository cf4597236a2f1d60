// `npx tsx e2e/support/printBundleSizes.ts` after `npm run build -w client`: initial gzipped JS per console.
import { consoleBundles } from './bundleSizes';
import { CLIENT_DIR } from './hubWithClient';

for (const b of consoleBundles(CLIENT_DIR)) {
  process.stdout.write(`${b.console.padEnd(10)} JS ${(b.jsGzipBytes / 1024).toFixed(1).padStart(6)} KB gz   CSS ${(b.cssGzipBytes / 1024).toFixed(1).padStart(5)} KB gz   ${b.files.length} files\n`);
}
