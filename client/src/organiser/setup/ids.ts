import { foldDiacritics } from '@diem-cau/shared';

const ID_STEM_CHARS = 48;

/** "Tỉnh ủy Thái Nguyên" → "tinh-uy-thai-nguyen", the same rule as POST /api/points/parse. */
export function slugId(name: string, fallback: string): string {
  const slug = foldDiacritics(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, ID_STEM_CHARS).replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

export function uniqueId(stem: string, taken: Set<string>): string {
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

let counter = 0;
/** React keys for rows typed in the form (ids are only decided when the setup is built). */
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}
