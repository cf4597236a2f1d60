/** Vietnamese text rules: store NFC, compare with the 'vi' collation, search without diacritics. */
const COLLATOR = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function nfc(text: string): string {
  return text.normalize('NFC');
}

export function compareVi(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** "Điều khoản" → "dieu khoan": for type-ahead that ignores tones and đ. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
