import type { SeededRandom } from './seededRandom';

/** Words a drafting team swaps when it rewords a provision. */
const SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['quy định', 'hướng dẫn'], ['cơ quan', 'tổ chức'], ['trách nhiệm', 'nhiệm vụ'], ['thực hiện', 'triển khai'],
  ['bảo đảm', 'đảm bảo'], ['phải', 'cần'], ['các', 'những'], ['việc', 'công tác'], ['theo', 'căn cứ'],
  ['và', 'cùng'], ['có', 'được'], ['người', 'cá nhân'], ['nhà nước', 'Nhà nước'], ['hoạt động', 'công việc'],
];

/** Phrases a drafting team adds when it tightens a provision. */
const PHRASES = [
  'theo quy định của pháp luật', 'kịp thời, đầy đủ', 'trong phạm vi nhiệm vụ, quyền hạn được giao', 'công khai, minh bạch',
  'có liên quan', 'trên môi trường điện tử', 'theo phân cấp quản lý', 'định kỳ hằng năm',
];

const firstWord = (phrase: string) => phrase.split(' ')[0] ?? '';

/** Another word (or phrase) in place of this one. */
function replacementOf(word: string, random: SeededRandom): string {
  const lower = word.toLocaleLowerCase('vi');
  const swap = SWAPS.find(([a, b]) => firstWord(a) === lower || firstWord(b) === lower);
  if (swap) return firstWord(swap[0]) === lower ? swap[1] : swap[0];
  return firstWord(random.pick(PHRASES) ?? word);
}

/**
 * The text reworded: about `strength` of its words swapped, dropped, or followed by an added phrase,
 * as between two rounds of a draft. Deterministic for a given random state.
 */
export function rewordText(text: string, strength: number, random: SeededRandom): string {
  if (text === '') return text;
  const words = text.split(' ');
  const out: string[] = [];
  for (let at = 0; at < words.length; at += 1) {
    if (!random.chance(strength)) {
      out.push(words[at] ?? '');
      continue;
    }
    const roll = random.next();
    if (roll < 0.5) {
      out.push(replacementOf(words[at] ?? '', random));
    } else if (roll < 0.75) {
      continue;
    } else {
      out.push(words[at] ?? '', random.pick(PHRASES) ?? '');
    }
  }
  const result = out.join(' ').trim();
  return result === '' ? text : result;
}
