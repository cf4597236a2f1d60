/**
 * Texts as sets of weighted features for comparing two drafts: the words (NFC, lower case, without
 * punctuation) and the pairs of neighbouring words. Numbers are left out: they are what a
 * renumbering changes ("theo quy định tại Điều 8"), not what an article says.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;

export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    // Vietnamese has no casing rule of its own; the root mapping is the 'vi' one and much faster.
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .split(' ')
    .filter((w) => w !== '' && !DIGITS.test(w));
}

/** Room for the second word's id in a pair's numeric key (far more distinct words than any draft has). */
const PAIR_SHIFT = 2 ** 26;

/** Gives each distinct feature a small integer, shared by both drafts so their features compare. */
export class Vocabulary {
  private readonly words = new Map<string, number>();
  /** Pairs keyed by their two words' ids: no string is built per pair. */
  private readonly pairs = new Map<number, number>();
  private next = 0;

  get size(): number {
    return this.next;
  }

  private idOf<K>(map: Map<K, number>, key: K): number {
    let id = map.get(key);
    if (id === undefined) {
      id = this.next;
      this.next += 1;
      map.set(key, id);
    }
    return id;
  }

  /** The ids of a text's words and of its pairs of neighbouring words, in text order, repeats kept. */
  idsOf(text: string): number[] {
    const ids: number[] = [];
    let previous = -1;
    for (const word of wordsOf(text)) {
      const id = this.idOf(this.words, word);
      ids.push(id);
      if (previous >= 0) ids.push(this.idOf(this.pairs, previous * PAIR_SHIFT + id));
      previous = id;
    }
    return ids;
  }

  /** The distinct features of a text, sorted. */
  featuresOf(text: string): Int32Array {
    return featureSet(this.idsOf(text));
  }
}

/** Distinct ids, sorted: the form `overlapOf` compares. */
export function featureSet(ids: readonly number[]): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let kept = 0;
  for (let k = 0; k < sorted.length; k += 1) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[kept++] = sorted[k] ?? 0;
  }
  return sorted.slice(0, kept);
}

/**
 * Inverse document frequency of each feature over the given feature sets: a word in every article
 * ("quy định", "các") says little about which article is which, a rare pair of words says much.
 */
export function inverseFrequencies(bags: readonly Int32Array[], vocabularySize: number): Float64Array {
  const counts = new Uint32Array(vocabularySize);
  for (const bag of bags) for (const id of bag) counts[id] = (counts[id] ?? 0) + 1;
  const weights = new Float64Array(vocabularySize);
  const total = Math.max(1, bags.length);
  counts.forEach((count, id) => {
    weights[id] = count === 0 ? 0 : Math.log(1 + total / count);
  });
  return weights;
}
