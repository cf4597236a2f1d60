import type { Article, Chapter, Draft } from './draft';

/**
 * The draft as plain text in the usual layout of a Vietnamese legal text: "Phần thứ nhất",
 * "Chương I" with its title on the next line, "Mục 1", "Điều 5. Title", "1. …", "a) …".
 * `parseDraft` reads this text back to the same tree (SPEC P17).
 */
export function renderDraftText(draft: Draft): string {
  const lines: string[] = [draft.title];
  for (const article of draft.articles) lines.push('', ...renderArticle(article));
  let part: Chapter['part'];
  for (const chapter of draft.chapters) {
    if (chapter.part && !samePart(chapter.part, part)) lines.push('', ...heading(`Phần ${chapter.part.number}`, chapter.part.title));
    part = chapter.part;
    lines.push('', ...renderChapter(chapter));
  }
  return `${lines.join('\n')}\n`;
}

function samePart(a: Chapter['part'], b: Chapter['part']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.number === b.number && a.title === b.title);
}

function heading(label: string, title: string): string[] {
  return title === '' ? [label] : [label, title];
}

function renderChapter(chapter: Chapter): string[] {
  const lines = heading(`Chương ${chapter.number}`, chapter.title);
  for (const article of chapter.articles) lines.push('', ...renderArticle(article));
  for (const section of chapter.sections) {
    lines.push('', ...heading(`Mục ${section.number}`, section.title));
    for (const article of section.articles) lines.push('', ...renderArticle(article));
  }
  return lines;
}

function renderArticle(article: Article): string[] {
  const lines = [article.title === '' ? `Điều ${article.number}.` : `Điều ${article.number}. ${article.title}`];
  if (article.intro !== '') lines.push(...article.intro.split('\n'));
  // An article's alternatives come before its clauses: after a clause they would read as the clause's (P20).
  lines.push(...renderAlternatives(article.alternatives));
  for (const clause of article.clauses) {
    lines.push(`${clause.number}. ${clause.text}`.trimEnd());
    for (const item of clause.items) lines.push(`${item.letter}) ${item.text}`.trimEnd());
    lines.push(...renderAlternatives(clause.alternatives));
  }
  return lines;
}

function renderAlternatives(alternatives: Article['alternatives']): string[] {
  return (alternatives ?? []).flatMap((a) => `Phương án ${a.number}: ${a.text}`.trimEnd().split('\n'));
}
