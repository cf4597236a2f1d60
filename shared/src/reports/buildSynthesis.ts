import { COMMENT_KINDS } from '../comments/commentCommands';
import type { ConferenceState } from '../conference/state';
import { listOf } from '../conference/state';
import { articlesInOrder, type ArticlePlace, type Chapter, type Draft } from '../draft/draft';
import { byLoggedAt, commentEntry } from './commentEntry';
import { responsesOf, type CommentResponses } from './commentResponse';
import { buildHeatmap } from './heatmap';
import { placeComments } from './placeComments';
import { consultationsByArticle, type ConsultationSynthesis } from './positionsSynthesis';
import { countByPoint } from './pointCounts';
import { directoryOf, type ReportDirectory } from './reportDirectory';
import { KIND_LABELS } from './reportLabels';
import { summarise } from './synthesisSummary';
import type { ArticleSynthesis, ChapterSynthesis, KindGroup, PlacedComment, SynthesisReport, UncommentedArticle } from './synthesisTypes';
import { countsAsComment } from '../comments/commentCount';
import type { Numbering } from '../revision/concordance';
import { DRAFT_NAMES, synthesisLayout, type SynthesisLayout } from './synthesisNumbering';
import { droppedArticles } from './droppedArticles';

export interface SynthesisOptions {
  /** The draft whose numbers the report uses once a revision is confirmed (DA15); the first by default. */
  numbering?: Numbering;
  /** Responses by comment id that override those recorded in the log. */
  responses?: CommentResponses;
}

/** The synthesis of comments per article (báo cáo tổng hợp ý kiến), in draft order. Pure. */
export function buildSynthesis(state: ConferenceState, options: SynthesisOptions = {}): SynthesisReport {
  const dir = directoryOf(state);
  const live = listOf(state.comments).filter(countsAsComment);
  const responses = { ...responsesOf(live), ...options.responses };
  const layout = synthesisLayout(state, options.numbering);
  const comments = live.sort(byLoggedAt).map((c) => layout.entry(commentEntry(dir, c, responses)));
  const places = articlesInOrder(layout.draft);
  const { byArticle, general } = placeComments(comments, new Set(places.map((p) => p.article.number)));
  const consulted = consultationsIn(consultationsByArticle(state), layout);
  const chapters = chapterBlocks(dir, layout.draft, places, byArticle, consulted.placed);
  const dropped = droppedArticles(state.draft, consulted.unplaced);
  return {
    conference: dir.conference,
    summary: summarise(dir, comments, chapters, general.length),
    chapters,
    uncommented: uncommentedArticles(chapters),
    general: { count: general.length, groups: groupByKind(general) },
    heatmap: buildHeatmap(dir, chapters),
    ...(layout.revision ? { revision: layout.revision } : {}),
    ...(dropped.length > 0 ? { dropped } : {}),
  };
}

/**
 * Consultations listed under the article they concern in the report's numbering; in the revised numbering each says
 * its place is the first draft's, and those on an article the revision deleted are kept apart (DA19), never lost.
 */
function consultationsIn(byFirst: ReadonlyMap<number, ConsultationSynthesis[]>, layout: SynthesisLayout) {
  const placed = new Map<number, ConsultationSynthesis[]>();
  const unplaced = new Map<number, ConsultationSynthesis[]>();
  const revised = layout.revision?.numbering === 'revised';
  for (const [first, list] of byFirst) {
    const named = revised ? list.map((c) => ({ ...c, where: `${c.where}, ${DRAFT_NAMES.first}` })) : list;
    const n = layout.article(first);
    if (n === undefined) unplaced.set(first, named);
    else placed.set(n, [...(placed.get(n) ?? []), ...named]);
  }
  return { placed, unplaced };
}

export function groupByKind(comments: readonly PlacedComment[]): KindGroup[] {
  return COMMENT_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], comments: comments.filter((c) => c.kind === kind) }))
    .filter((g) => g.comments.length > 0);
}

function articleBlock(dir: ReportDirectory, place: ArticlePlace, comments: readonly PlacedComment[], consultations: ConsultationSynthesis[]): ArticleSynthesis {
  const { article, section } = place;
  return {
    number: article.number, label: `Điều ${article.number}`, title: article.title,
    ...(section ? { sectionLabel: `Mục ${section.number}. ${section.title}` } : {}),
    count: comments.length,
    points: countByPoint(dir, comments),
    groups: groupByKind(comments),
    consultations,
  };
}

function chapterShell(draftChapters: readonly Chapter[], chapter: Chapter | undefined): ChapterSynthesis {
  if (!chapter) return { key: 'loose', label: '', title: 'Các điều', count: 0, articles: [] };
  const part = chapter.part ? [chapter.part.number, chapter.part.title].filter((s) => s !== '').join(' – ') : '';
  return {
    key: `chapter-${draftChapters.indexOf(chapter)}`, label: `Chương ${chapter.number}`, title: chapter.title,
    ...(part !== '' ? { partLabel: part } : {}), count: 0, articles: [],
  };
}

function chapterBlocks(
  dir: ReportDirectory, draft: Draft, places: readonly ArticlePlace[], byArticle: ReadonlyMap<number, PlacedComment[]>, consulted: ReadonlyMap<number, ConsultationSynthesis[]>,
): ChapterSynthesis[] {
  const blocks = new Map<Chapter | undefined, ChapterSynthesis>();
  const ids = new Map<ChapterSynthesis, Set<string>>();
  for (const place of places) {
    let block = blocks.get(place.chapter);
    if (!block) {
      block = chapterShell(draft.chapters, place.chapter);
      blocks.set(place.chapter, block);
      ids.set(block, new Set());
    }
    const comments = byArticle.get(place.article.number) ?? [];
    block.articles.push(articleBlock(dir, place, comments, consulted.get(place.article.number) ?? []));
    for (const c of comments) ids.get(block)?.add(c.id);
  }
  return [...blocks.values()].map((b) => ({ ...b, count: ids.get(b)?.size ?? 0 }));
}

function uncommentedArticles(chapters: readonly ChapterSynthesis[]): UncommentedArticle[] {
  return chapters.flatMap((ch) =>
    ch.articles.filter((a) => a.count === 0).map((a) => ({ number: a.number, label: a.label, title: a.title, chapterLabel: ch.label })),
  );
}
