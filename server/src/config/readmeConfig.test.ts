import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from './config';

describe("README's configuration table", () => {
  it('lists every variable the hub reads, and none it does not', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    // A row's first cell names one variable or several (`A` / `B`).
    const firstCells = [...readme.matchAll(/^\| (`[A-Z][A-Z0-9_]+`(?: \/ `[A-Z][A-Z0-9_]+`)*) \|/gm)].map((m) => m[1] ?? '');
    const listed = new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])));
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(80);
    expect(CONFIG_VARIABLES.filter((v) => !listed.has(v))).toEqual([]);
    const unknown = [...listed].filter((v) => v !== undefined && !CONFIG_VARIABLES.includes(v));
    expect(unknown).toEqual([]);
  });
});
