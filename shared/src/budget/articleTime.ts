import type { ConferenceState } from '../conference/state';
import { elapsedMs } from '../floor/speechClock';

export interface ArticleTime {
  article: number;
  ms: number;
  speeches: number;
}

export interface ArticleTimeSpread {
  /** The item's articles and every article a speech named, by number; the item's own ones even at 0. */
  articles: ArticleTime[];
  /** Spoken time of speeches that named no article. */
  unnamedMs: number;
  /** Articles under discussion in the item that no speech named. */
  silent: number[];
}

/**
 * TB9: how an agenda item's spoken time spreads over the draft's articles. A speech's time is shared equally
 * by the distinct articles it named (a clause counts for its article); a running speech counts up to `now`.
 */
export function articleTime(state: ConferenceState, itemId: string, now: number): ArticleTimeSpread {
  const item = state.agenda.get(itemId);
  const by = new Map<number, ArticleTime>();
  for (const ref of item?.articles ?? []) by.set(ref.article, { article: ref.article, ms: 0, speeches: 0 });
  let unnamedMs = 0;
  for (const speech of state.speeches.list()) {
    if (speech.agendaItemId !== itemId) continue;
    const spoken = elapsedMs(speech, now);
    const articles = [...new Set(speech.articles.map((a) => a.article))];
    if (articles.length === 0) unnamedMs += spoken;
    for (const article of articles) {
      const row = by.get(article) ?? { article, ms: 0, speeches: 0 };
      by.set(article, { article, ms: row.ms + spoken / articles.length, speeches: row.speeches + 1 });
    }
  }
  const articles = [...by.values()].sort((a, b) => a.article - b.article);
  return { articles, unnamedMs, silent: articles.filter((a) => a.speeches === 0).map((a) => a.article) };
}
