import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * The release a cluster is upgraded from: the build running in production before this one. Rolling-upgrade
 * tests run it beside the current code on one Redis. Moved forward at each release (README: "Upgrading").
 */
export const PREVIOUS_RELEASE = {
  commit: 'cb83b5815f8d0126bf98a57adc4ba0ff6ea72cce',
  name: '6 Dec 2026 (speaking-time budgets, mediasoup in the suite)',
};

/**
 * The previous release's hub, built from git into a directory of its own (its sources from `git archive`,
 * this checkout's node_modules linked in, its own esbuild script): the directory, to hand to startChildNode.
 * Built once per machine and commit.
 */
export function buildPreviousRelease(commit = PREVIOUS_RELEASE.commit): string {
  const dir = join(tmpdir(), `diem-cau-release-${commit.slice(0, 12)}`);
  if (existsSync(join(dir, 'server/dist/main.cjs'))) {
    // Kept from another checkout (a CI clone since deleted, say): its node_modules link must be this one's.
    linkNodeModules(dir);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    throw new Error(`The previous release ${commit} is not in this clone's history (a shallow clone?): fetch it, or clone without --depth`);
  }
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'server', 'shared', 'scripts/buildServer.mjs', 'package.json', 'tsconfig.base.json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  linkNodeModules(dir);
  execFileSync(process.execPath, ['scripts/buildServer.mjs'], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/** Points `dir/node_modules` at this checkout's, replacing any earlier link in one step (suites may race here). */
function linkNodeModules(dir: string): void {
  const link = join(dir, 'node_modules');
  const fresh = `${link}.${process.pid}.${Date.now()}`;
  symlinkSync(join(ROOT, 'node_modules'), fresh, 'dir');
  renameSync(fresh, link);
}
