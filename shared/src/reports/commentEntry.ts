import type { Comment } from '../conference/state';
import type { CommentKind, CommentSource } from '../comments/commentCommands';
import { formatArticleRef } from '../comments/articleRefs';
import type { ArticleRef } from '../protocol/fields';
import type { CommentResponses, ResponseStatus } from './commentResponse';
import { pointName, type ReportDirectory } from './reportDirectory';
import { KIND_LABELS, RESPONSE_LABELS, SOURCE_LABELS } from './reportLabels';
import { formatClock } from './vnTime';

export interface ResponseView {
  status: ResponseStatus;
  label: string;
  explanation: string;
}

/** A comment as every report prints it: names resolved, labels in Vietnamese. */
export interface CommentEntry {
  id: string;
  kind: CommentKind;
  kindLabel: string;
  pointId?: string;
  pointName: string;
  speaker: string;
  position: string;
  source: CommentSource;
  sourceLabel: string;
  text: string;
  refs: ArticleRef[];
  /** "Điều 5 khoản 2; Điều 7" — every article the comment names. */
  refsLabel: string;
  speechId?: string;
  loggedAt: number;
  /** HH:mm:ss, Vietnam time. */
  time: string;
  response?: ResponseView;
  /** Where its references went in the confirmed revision, "Điều 5 (dự thảo lần 1) → Điều 6 (dự thảo lần 2)" (DA14). */
  followed?: string;
}

/** The fields of a comment the reports read: the state's Comment has them, and so does the minutes fold. */
export type CommentFacts = Pick<Comment, 'id' | 'articles' | 'kind' | 'text' | 'source' | 'loggedAt' | 'pointId' | 'delegate' | 'speechId'>;

export function formatRefs(refs: readonly ArticleRef[]): string {
  return refs.map(formatArticleRef).join('; ');
}

export function commentEntry(dir: ReportDirectory, c: CommentFacts, responses: CommentResponses): CommentEntry {
  const response = responses[c.id];
  return {
    id: c.id, kind: c.kind, kindLabel: KIND_LABELS[c.kind],
    pointName: pointName(dir, c.pointId),
    speaker: c.delegate?.name ?? '', position: c.delegate?.position ?? '',
    source: c.source, sourceLabel: SOURCE_LABELS[c.source],
    text: c.text, refs: c.articles, refsLabel: formatRefs(c.articles),
    loggedAt: c.loggedAt, time: formatClock(c.loggedAt, dir.conference.timeZone),
    ...(c.pointId !== undefined ? { pointId: c.pointId } : {}),
    ...(c.speechId !== undefined ? { speechId: c.speechId } : {}),
    ...(response ? { response: { status: response.status, label: RESPONSE_LABELS[response.status], explanation: response.explanation } } : {}),
  };
}

/** Earliest first; the id breaks ties so every format lists the same order. */
export function byLoggedAt(a: { loggedAt: number; id: string }, b: { loggedAt: number; id: string }): number {
  return a.loggedAt - b.loggedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
