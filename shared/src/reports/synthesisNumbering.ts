import { followRef } from '../comments/followRef';
import type { ConferenceState } from '../conference/state';
import type { Draft } from '../draft/draft';
import { concordance, type ConcordanceRow, type Numbering } from '../revision/concordance';
import { followedLabel, refsInRevision } from '../revision/followInRevision';
import { formatRefs, type CommentEntry } from './commentEntry';

/** What a synthesis says about the revised draft, once one is confirmed (DA15). */
export interface SynthesisRevision {
  numbering: Numbering;
  /** "dự thảo lần 1" or "dự thảo lần 2": the draft whose numbers the report uses. */
  draftName: string;
  /** The revision's title. */
  revisedTitle: string;
  /** Old → new, in the report's numbering: the table the report ends with. */
  concordance: ConcordanceRow[];
}

/** The draft a synthesis is laid out on, and how a comment and a consultation find their place in it. */
export interface SynthesisLayout {
  draft: Draft;
  /** A comment as the report lists it: references in the layout's numbering, where it went in the revision. */
  entry: (entry: CommentEntry) => CommentEntry;
  /** The article a consultation on an article of the first draft is listed under; undefined when it has none. */
  article: (first: number) => number | undefined;
  revision?: SynthesisRevision;
}

export const DRAFT_NAMES: Record<Numbering, string> = { first: 'dự thảo lần 1', revised: 'dự thảo lần 2' };

/**
 * DA15: without a confirmed revision, or in the first numbering, the report is laid out on the conference's draft;
 * in the revised numbering, on the revision, each comment under every place its references went to. Either way each
 * comment carries where it went ("Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)").
 */
export function synthesisLayout(state: ConferenceState, numbering: Numbering = 'first'): SynthesisLayout {
  const revision = state.revision;
  if (!revision) return { draft: state.draft, entry: (e) => e, article: (n) => n };
  const followed = (e: CommentEntry): CommentEntry => ({ ...e, followed: followedLabel(state, e.refs) });
  const about = { numbering, draftName: DRAFT_NAMES[numbering], revisedTitle: revision.draft.title, concordance: concordance(state.draft, revision, numbering) };
  if (numbering === 'first') return { draft: state.draft, entry: followed, article: (n) => n, revision: about };
  const renumbered = (e: CommentEntry): CommentEntry => {
    const refs = refsInRevision(state, e.refs);
    return { ...followed(e), refs, refsLabel: formatRefs(refs) };
  };
  return { draft: revision.draft, entry: renumbered, article: (n) => followRef(revision.alignment, { article: n }).to[0]?.article, revision: about };
}
