import { findArticle, type Draft } from '../draft/draft';
import type { ConsultationSynthesis } from './positionsSynthesis';
import type { SynthesisReport } from './synthesisTypes';

/** The heading the revised numbering's synthesis lists them under (print view, DOCX). */
export const DROPPED_ARTICLES_HEADING = 'Điều đã bỏ trong dự thảo lần 2';

/** An article of the first draft the revision deleted, with the consultations held on it (DA19). */
export interface DroppedArticle {
  number: number;
  /** "Điều 12 (dự thảo lần 1)": its number is the first draft's, not the report's. */
  label: string;
  title: string;
  consultations: ConsultationSynthesis[];
}

/** The deleted articles of the first draft that were consulted on, in its order. */
export function droppedArticles(first: Draft, unplaced: ReadonlyMap<number, ConsultationSynthesis[]>): DroppedArticle[] {
  return [...unplaced].sort(([a], [b]) => a - b).map(([number, consultations]) => ({
    number, label: `Điều ${number} (dự thảo lần 1)`, title: findArticle(first, number)?.article.title ?? '', consultations,
  }));
}

/** Every consultation of a synthesis: under the articles, then on the articles the revision dropped. */
export function allConsultations(r: Pick<SynthesisReport, 'chapters' | 'dropped'>): ConsultationSynthesis[] {
  return [...r.chapters.flatMap((ch) => ch.articles.flatMap((a) => a.consultations)), ...(r.dropped ?? []).flatMap((d) => d.consultations)];
}
