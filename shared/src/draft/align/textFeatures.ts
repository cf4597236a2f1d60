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
    .toLocaleLowerCase('vi')
    .replace(NOT_WORD, ' ')
    .split(' ')
    .filter((w) => w !== '' && !DIGITS.test(w));
}

/** Gives each distinct feature a small integer, shared by both drafts so their features compare. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  idOf(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(feature, id);
    }
    return id;
  }

  /** The distinct features of a text, sorted: its words and its pairs of neighbouring words. */
  featuresOf(text: string): Int32Array {
    const words = wordsOf(text);
    const ids = new Set<number>();
    words.forEach((word, at) => {
      ids.add(this.idOf(word));
      if (at > 0) ids.add(this.idOf(`${words[at - 1]} ${word}`));
    });
    return Int32Array.from(ids).sort();
  }
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
