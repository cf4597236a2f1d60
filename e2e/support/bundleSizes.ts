import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean }
type Manifest = Record<string, ManifestChunk>;

export const CONSOLES = {
  chair: 'src/chair/ChairConsole.tsx',
  point: 'src/point/PointConsole.tsx',
  secretary: 'src/secretary/SecretaryConsole.tsx',
  display: 'src/display/DisplayConsole.tsx',
} as const;

export interface ConsoleBundle { console: keyof typeof CONSOLES; files: string[]; jsGzipBytes: number; cssGzipBytes: number }

function closure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (into.has(key) || !manifest[key]) continue;
    into.add(key);
    closure(manifest, manifest[key].imports ?? [], into);
  }
  return into;
}

/**
 * What a console downloads before it can work: the entry, the console's lazy chunk and
 * everything they import statically (not the other consoles' chunks), gzipped as served.
 */
export function consoleBundles(distDir: string): ConsoleBundle[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  // The consoles' page is index.html (other pages, such as an organiser page, are not counted).
  const entry = manifest['index.html'] ? 'index.html' : Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the manifest');
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  return (Object.keys(CONSOLES) as Array<keyof typeof CONSOLES>).map((name) => {
    const chunks = [...closure(manifest, [entry, CONSOLES[name]])].map((k) => manifest[k]!);
    const files = chunks.map((c) => c.file);
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
    return { console: name, files, jsGzipBytes: files.reduce((s, f) => s + gz(f), 0), cssGzipBytes: css.reduce((s, f) => s + gz(f), 0) };
  });
}
