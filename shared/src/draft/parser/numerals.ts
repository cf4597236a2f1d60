/** Numbering systems of Vietnamese legal texts: Roman chapters, ordinal parts, lettered points. */

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: ReadonlyArray<readonly [string, number]> = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];

/** Value of a canonical upper-case Roman numeral; undefined for "IIX", "" or lower case. */
export function romanValue(text: string): number | undefined {
  if (text.length === 0 || !ROMAN.test(text)) return undefined;
  let rest = text;
  let value = 0;
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (rest.startsWith(symbol)) {
      value += amount;
      rest = rest.slice(symbol.length);
    }
  }
  return value;
}

export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** "IV" → 4, "12" → 12; other text → undefined. */
export function numeralValue(text: string): number | undefined {
  if (/^\d{1,4}$/.test(text)) {
    const value = Number(text);
    return value > 0 ? value : undefined;
  }
  return romanValue(text);
}

const UNITS: Readonly<Record<string, number>> = {
  nhất: 1, một: 1, mốt: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, lăm: 5,
  sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};

/**
 * Reads the ordinal words after "thứ" ("nhất", "hai", "mười một") from the start of `words`.
 * Returns the value and how many words it used.
 */
export function ordinalValue(words: readonly string[]): { value: number; used: number } | undefined {
  const first = words[0]?.toLowerCase();
  if (first === undefined) return undefined;
  if (first === 'mười') {
    const unit = UNITS[words[1]?.toLowerCase() ?? ''];
    return unit === undefined ? { value: 10, used: 1 } : { value: 10 + unit, used: 2 };
  }
  const unit = UNITS[first];
  return unit === undefined ? undefined : { value: unit, used: 1 };
}

/** Points are lettered in the Vietnamese alphabet: a b c d đ e g h i k l m n o p q r s t u v x y. */
const ITEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** Whether `letter` may follow `previous` (undefined: the first point, "a"). */
export function isNextItemLetter(previous: string | undefined, letter: string): boolean {
  if (previous === undefined) return letter === 'a';
  const vietnamese = ITEM_LETTERS[ITEM_LETTERS.indexOf(previous) + 1];
  // Some drafts letter their points with the Latin alphabet (e, f, g): accept that successor too.
  const latin = previous.length === 1 && previous >= 'a' && previous < 'z' ? String.fromCharCode(previous.charCodeAt(0) + 1) : undefined;
  return letter === vietnamese || letter === latin;
}

/** A point lettered further on than the next one ("đ)" right after "b)"): the letters skipped, at most three; else undefined. */
export function skippedItemLetters(previous: string | undefined, letter: string): string[] | undefined {
  if (previous === undefined) return undefined;
  const from = ITEM_LETTERS.indexOf(previous);
  const to = ITEM_LETTERS.indexOf(letter);
  if (from < 0 || to - from < 2 || to - from > 4) return undefined;
  return ITEM_LETTERS.slice(from + 1, to);
}

export function itemLetterAt(index: number): string | undefined {
  return ITEM_LETTERS[index];
}
