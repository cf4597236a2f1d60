import { consoleBundles } from './support/bundleSizes';
import { CLIENT_DIR } from './support/hubWithClient';

/** The issue's budget: a bridge point's laptop on a provincial line loads ≤ 200 KB of gzipped JS. */
const POINT_BUDGET_BYTES = 200 * 1024;

describe('client bundle', () => {
  const bundles = consoleBundles(CLIENT_DIR);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

  it('keeps the bridge point console’s initial JavaScript within 200 KB gzipped', () => {
    // Printed so the build log carries the figures.
    process.stdout.write(`${bundles.map((b) => `${b.console}: JS ${kb(b.jsGzipBytes)} gz, CSS ${kb(b.cssGzipBytes)} gz`).join('\n')}\n`);
    const point = bundles.find((b) => b.console === 'point');
    expect(point?.jsGzipBytes).toBeLessThanOrEqual(POINT_BUDGET_BYTES);
  });

  it('loads only its own console code: no role downloads another role’s console chunk', () => {
    const consoleFile = (name: string) => new RegExp(`(^|/)${name}Console-`);
    for (const b of bundles) {
      const others = ['Chair', 'Point', 'Secretary', 'Display'].filter((n) => n.toLowerCase() !== b.console);
      expect(b.files.filter((f) => others.some((o) => consoleFile(o).test(f)))).toEqual([]);
    }
  });
});
