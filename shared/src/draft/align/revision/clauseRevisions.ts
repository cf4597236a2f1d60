import type { Revision } from './articleRevisions';
import { strengthOf } from './articleRevisions';
import { rewordText } from './rewordText';
import type { SeededRandom } from './seededRandom';
import type { WorkArticle } from './workingDraft';

function articleWith(work: readonly WorkArticle[], random: SeededRandom, clauses: number): WorkArticle | undefined {
  return random.pick(work.filter((a) => a.clauses.length >= clauses));
}

export const insertClause: Revision = (work, random, donors) => {
  const article = articleWith(work, random, 1);
  const donor = random.pick(donors.flatMap((d) => d.clauses));
  if (!article || !donor) return false;
  article.clauses.splice(random.below(article.clauses.length + 1), 0, { text: donor.text, items: donor.items.map((i) => ({ ...i })), origins: [] });
  return true;
};

export const deleteClause: Revision = (work, random) => {
  const article = articleWith(work, random, 2);
  if (!article) return false;
  article.clauses.splice(random.below(article.clauses.length), 1);
  return true;
};

/** Mostly to another place in its article; sometimes to the end of another article. */
export const moveClause: Revision = (work, random) => {
  const article = articleWith(work, random, 2);
  if (!article) return false;
  const [clause] = article.clauses.splice(random.below(article.clauses.length), 1);
  if (!clause) return false;
  const target = random.chance(0.7) ? article : (articleWith(work, random, 1) ?? article);
  target.clauses.splice(target === article ? random.below(article.clauses.length + 1) : target.clauses.length, 0, clause);
  return true;
};

const SENTENCE_END = /(?<=[.;:]) (?=\p{Lu})/u;

/** A clause of two sentences or more becomes two clauses; its points go with the second. */
export const splitClause: Revision = (work, random) => {
  const candidates = work.flatMap((a) => a.clauses.map((c, at) => ({ a, at, parts: c.text.split(SENTENCE_END) }))).filter((x) => x.parts.length >= 2);
  const chosen = random.pick(candidates);
  const clause = chosen?.a.clauses[chosen.at];
  if (!chosen || !clause) return false;
  const cut = 1 + random.below(chosen.parts.length - 1);
  const second = { text: chosen.parts.slice(cut).join(' '), items: clause.items, origins: [...clause.origins] };
  chosen.a.clauses.splice(chosen.at, 1, { text: chosen.parts.slice(0, cut).join(' '), items: [], origins: [...clause.origins] }, second);
  return true;
};

export const mergeClauses: Revision = (work, random) => {
  const article = articleWith(work, random, 2);
  if (!article) return false;
  const at = random.below(article.clauses.length - 1);
  const [first, second] = article.clauses.slice(at, at + 2);
  if (!first || !second) return false;
  const merged = { text: `${first.text} ${second.text}`, items: [...first.items, ...second.items], origins: [...first.origins, ...second.origins] };
  article.clauses.splice(at, 2, merged);
  return true;
};

export const rewordClause: Revision = (work, random) => {
  const article = articleWith(work, random, 1);
  const clause = article && random.pick(article.clauses);
  if (!clause) return false;
  clause.text = rewordText(clause.text, strengthOf(random), random);
  return true;
};
