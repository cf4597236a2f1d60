import type { Article } from '../../draft';
import { rewordText } from './rewordText';
import type { SeededRandom } from './seededRandom';
import type { WorkArticle, WorkClause } from './workingDraft';

/** A revision applied to the working list; false when the draft offers no place for it. */
export type Revision = (work: WorkArticle[], random: SeededRandom, donors: readonly Article[]) => boolean;

const untouched = (work: readonly WorkArticle[], fit: (a: WorkArticle) => boolean = () => true): number[] =>
  work.flatMap((a, k) => (!a.touched && fit(a) ? [k] : []));

/** Reword strength: most edits change a few words, some rewrite a good part of the text. */
export const strengthOf = (random: SeededRandom): number => (random.chance(0.2) ? 0.25 + 0.15 * random.next() : 0.05 + 0.15 * random.next());

/** Places an article at `at`, in the container of the article before it (or after it, at the start). */
function placeAt(work: WorkArticle[], at: number, article: WorkArticle): void {
  const neighbour = work[at - 1] ?? work[at];
  work.splice(at, 0, { ...article, container: neighbour?.container ?? article.container });
}

function fromDonor(donor: Article): WorkArticle {
  const clauses = donor.clauses.map((c) => ({ text: c.text, items: c.items.map((i) => ({ ...i })), origins: [] }));
  return { title: donor.title, intro: donor.intro, clauses, origins: [], container: 0, touched: true };
}

export const insertArticle: Revision = (work, random, donors) => {
  const donor = random.pick(donors);
  if (!donor) return false;
  placeAt(work, random.below(work.length + 1), fromDonor(donor));
  return true;
};

export const deleteArticle: Revision = (work, random) => {
  const at = random.pick(untouched(work));
  if (at === undefined || work.length < 2) return false;
  work.splice(at, 1);
  return true;
};

/** Mostly a few places up or down (into the next chapter), sometimes far. */
export const moveArticle: Revision = (work, random) => {
  const from = random.pick(untouched(work));
  if (from === undefined || work.length < 3) return false;
  const [article] = work.splice(from, 1);
  if (!article) return false;
  const near = from + (random.chance(0.5) ? 1 : -1) * (2 + random.below(6));
  const to = random.chance(0.7) ? Math.min(work.length, Math.max(0, near)) : random.below(work.length + 1);
  placeAt(work, to, { ...article, touched: true });
  return true;
};

/** A title for a piece split off: the opening words of its first clause, as drafting teams often do. */
function titleFromClause(clause: WorkClause | undefined, fallback: string): string {
  const words = (clause?.text ?? '').split(' ').slice(0, 8).join(' ').replace(/[,.;:]+$/, '');
  return words === '' ? fallback : words;
}

export const splitArticle: Revision = (work, random) => {
  const at = random.pick(untouched(work, (a) => a.clauses.length >= 2));
  const article = at === undefined ? undefined : work[at];
  if (at === undefined || !article) return false;
  const cut = 1 + random.below(article.clauses.length - 1);
  const rest = article.clauses.splice(cut);
  article.touched = true;
  const piece = { ...article, title: titleFromClause(rest[0], article.title), intro: '', clauses: rest };
  work.splice(at + 1, 0, piece);
  return true;
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

export const mergeArticles: Revision = (work, random) => {
  const at = random.pick(untouched(work).filter((k) => work[k + 1] && !work[k + 1]?.touched && work[k + 1]?.container === work[k]?.container));
  const first = at === undefined ? undefined : work[at];
  const second = at === undefined ? undefined : work[at + 1];
  if (at === undefined || !first || !second) return false;
  const title = random.chance(0.5) || second.title === '' ? first.title : `${first.title} và ${lowerFirst(second.title)}`;
  const intro = [first.intro, second.intro].filter((t) => t !== '').join(' ');
  work.splice(at, 2, { ...first, title, intro, clauses: [...first.clauses, ...second.clauses], origins: [...first.origins, ...second.origins], touched: true });
  return true;
};

/** The title sometimes, and the intro or some clauses. */
export const rewordArticle: Revision = (work, random) => {
  const article = random.pick(work);
  if (!article) return false;
  const strength = strengthOf(random);
  if (random.chance(0.4)) article.title = rewordText(article.title, strength, random);
  article.intro = rewordText(article.intro, strength, random);
  for (const clause of article.clauses) if (random.chance(0.5)) clause.text = rewordText(clause.text, strength, random);
  return true;
};
