import { DRAFT_LIMITS } from '../draft';
import type { Alternative, Article, Chapter, Clause, Draft, Item, Section } from '../draft';
import { clip } from './normalise';
import { ParseWarningCode } from './warnings';
import type { ParseStats, ParseWarning } from './warnings';

type Part = NonNullable<Chapter['part']>;

/** Schema limits the builder keeps to, so any input yields a valid draft. */
const LIMITS = { CHAPTERS: 500, SECTIONS: 200, CLAUSES: 200, ITEMS: 100 } as const;

/** The draft being built and where the next text goes. */
export interface Tree {
  chapters: Chapter[];
  /** Articles of a draft without chapters. */
  articles: Article[];
  part?: Part;
  chapter?: Chapter;
  section?: Section;
  article?: Article;
  clause?: Clause;
  item?: Item;
  /** The alternative (phương án) text goes to, and whether it is the article's or the open clause's. */
  alternative?: { alternative: Alternative; of: 'article' | 'clause'; line: number };
  counts: ParseStats;
  warnings: ParseWarning[];
  /** Limits already reported, one LIMIT_EXCEEDED warning each. */
  limitsHit: Set<string>;
}

export function createTree(): Tree {
  return { chapters: [], articles: [], counts: { parts: 0, chapters: 0, sections: 0, articles: 0 }, warnings: [], limitsHit: new Set() };
}

function overLimit(tree: Tree, line: number, what: string): false {
  if (!tree.limitsHit.has(what)) {
    tree.limitsHit.add(what);
    tree.warnings.push({ code: ParseWarningCode.LIMIT_EXCEEDED, line, message: `Dự thảo vượt quá giới hạn ${what}; phần vượt được gộp vào nội dung trước đó.` });
  }
  return false;
}

const title = (text: string): string => clip(text, DRAFT_LIMITS.TITLE_CHARS);
const body = (text: string): string => clip(text, DRAFT_LIMITS.TEXT_CHARS);

export function openPart(tree: Tree, number: string, text: string): void {
  tree.part = { number: clip(number, 40), title: title(text) };
  tree.counts.parts += 1;
}

export function openChapter(tree: Tree, number: string, text: string, line: number): boolean {
  if (tree.chapters.length >= LIMITS.CHAPTERS) return overLimit(tree, line, 'số chương');
  const chapter: Chapter = { number, title: title(text), articles: [], sections: [] };
  if (tree.part) chapter.part = tree.part;
  tree.chapters.push(chapter);
  tree.counts.chapters += 1;
  tree.chapter = chapter;
  tree.section = tree.article = tree.clause = tree.item = tree.alternative = undefined;
  return true;
}

export function openSection(tree: Tree, number: string, text: string, line: number): boolean {
  if (!tree.chapter) return false;
  if (tree.chapter.sections.length >= LIMITS.SECTIONS) return overLimit(tree, line, 'số mục trong một chương');
  const section: Section = { number, title: title(text), articles: [] };
  tree.chapter.sections.push(section);
  tree.counts.sections += 1;
  tree.section = section;
  tree.article = tree.clause = tree.item = tree.alternative = undefined;
  return true;
}

export function openArticle(tree: Tree, number: number, text: string, line: number): boolean {
  if (tree.counts.articles >= DRAFT_LIMITS.ARTICLES) return overLimit(tree, line, 'số điều');
  const article: Article = { number, title: title(text), intro: '', clauses: [] };
  (tree.section?.articles ?? tree.chapter?.articles ?? tree.articles).push(article);
  tree.counts.articles += 1;
  tree.article = article;
  tree.clause = tree.item = tree.alternative = undefined;
  return true;
}

export function openClause(tree: Tree, number: number, text: string, line: number): boolean {
  if (!tree.article) return false;
  if (tree.article.clauses.length >= LIMITS.CLAUSES) return overLimit(tree, line, 'số khoản trong một điều');
  const clause: Clause = { number, text: body(text), items: [] };
  tree.article.clauses.push(clause);
  tree.clause = clause;
  tree.item = tree.alternative = undefined;
  return true;
}

export function openItem(tree: Tree, letter: string, text: string, line: number): boolean {
  if (!tree.clause) return false;
  if (tree.clause.items.length >= LIMITS.ITEMS) return overLimit(tree, line, 'số điểm trong một khoản');
  const item: Item = { letter, text: body(text) };
  tree.clause.items.push(item);
  tree.item = item;
  return true;
}

function joined(before: string, text: string): string {
  if (before.length >= DRAFT_LIMITS.TEXT_CHARS) return before;
  return body(before === '' ? text : `${before}\n${text}`);
}

const MAX_ALTERNATIVES = 20;

/** Opens alternative `number` of the open clause (or of the article when none is open); false outside an article. */
export function openAlternative(tree: Tree, number: number, text: string, line: number): boolean {
  const owner = tree.clause ?? tree.article;
  if (!owner) return false;
  owner.alternatives ??= [];
  if (owner.alternatives.length >= MAX_ALTERNATIVES) return overLimit(tree, line, 'số phương án');
  const alternative: Alternative = { number, text: body(text) };
  owner.alternatives.push(alternative);
  tree.alternative = { alternative, of: tree.clause ? 'clause' : 'article', line };
  tree.item = undefined;
  return true;
}

/** Adds a line to the open alternative, point, clause or article intro; false when no article is open. */
export function appendText(tree: Tree, text: string): boolean {
  if (tree.alternative) tree.alternative.alternative.text = joined(tree.alternative.alternative.text, text);
  else if (tree.item) tree.item.text = joined(tree.item.text, text);
  else if (tree.clause) tree.clause.text = joined(tree.clause.text, text);
  else if (tree.article) tree.article.intro = joined(tree.article.intro, text);
  else return false;
  return true;
}

/** Closes the open article so that following text is not added to it. */
export function closeArticle(tree: Tree): void {
  tree.article = tree.clause = tree.item = tree.alternative = undefined;
}

export function finishTree(tree: Tree, draftTitle: string): Draft {
  return { title: title(draftTitle), chapters: tree.chapters, articles: tree.articles };
}
