import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 180_000 });
  return result.status === 0;
}

/** DOCX → PDF with LibreOffice, when it is installed (apt-get install libreoffice-writer). */
export function docxToPdf(dir: string, files: string[]): string[] {
  const done = files.filter((f) => run('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, f)]));
  return done.map((f) => f.replace(/\.docx$/, '.pdf'));
}

/** The first screen of a print view as a PNG, with headless Chromium, when it is installed. */
export function screenshot(dir: string, html: string, png: string): boolean {
  if (!CHROMIUM) return false;
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--window-size=1000,1400', `--screenshot=${join(dir, png)}`, `file://${join(dir, html)}`];
  return run(CHROMIUM, args);
}
