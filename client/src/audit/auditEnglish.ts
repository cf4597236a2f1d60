import type { AuditParams, EventType } from '@diem-cau/shared';

/**
 * The audit trail in English (H8): the hub sends each row's action and params beside its Vietnamese
 * sentence; this catalogue says the same thing from them. Names, article references ("Điều 5 khoản 2")
 * and free text stay as logged: they are the conference's own words.
 */
const s = (p: AuditParams, key: string): string => String(p[key] ?? '');
const num = (p: AuditParams, key: string): number => Number(p[key] ?? 0);
const yes = (p: AuditParams, key: string): boolean => p[key] === 1;
const q = (text: string) => `“${text}”`;
const whose = (p: AuditParams) => (p.delegate ? `${s(p, 'point')} (${s(p, 'delegate')})` : s(p, 'point'));
const ofWhom = (p: AuditParams) => (p.point ? ` of ${whose(p)}` : '');
const refs = (p: AuditParams, key = 'articles') => s(p, key) || 'general comments';
const why = (p: AuditParams) => (p.reason ? `, reason: ${q(s(p, 'reason'))}` : '');
const about = (p: AuditParams) => `Article ${num(p, 'article')}${num(p, 'clause') > 0 ? ` clause ${num(p, 'clause')}` : ''}`;

export function spanEn(seconds: number): string {
  const m = Math.floor(Math.abs(seconds) / 60);
  const rest = Math.abs(seconds) % 60;
  if (m === 0) return `${rest} s`;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

const MODES: Record<string, string> = { request: 'requests to speak', open: 'open discussion', 'chair-only': 'chair only' };
const KINDS: Record<string, string> = { agree: 'agree', clarify: 'clarify', supplement: 'supplement', amend: 'amend', remove: 'remove', propose: 'propose', other: 'other' };
const STATUSES: Record<string, string> = { accepted: 'accepted', partly: 'partly accepted', explained: 'explained' };
const CHANGES: Record<string, string> = { text: 'text', kind: 'kind', articles: 'articles' };
const SETTINGS: Array<[string, (v: string | number) => string]> = [
  ['defaultSpeechS', (v) => `speaking time ${spanEn(Number(v))}`],
  ['maxOpenRequestsPerPoint', (v) => `at most ${v} requests per point`],
  ['autoEndSpeech', (v) => (v === 1 ? 'speeches end at the limit' : 'speeches do not end at the limit')],
  ['moderatedRequests', (v) => (v === 1 ? 'the chair accepts each request' : 'requests join the queue directly')],
  ['warningBeforeS', (v) => `warning ${spanEn(Number(v))} before`],
  ['discussionMode', (v) => `mode: ${MODES[String(v)] ?? String(v)}`],
];
const ENDINGS: Record<string, (p: AuditParams) => string> = {
  timeout: (p) => `Time up: speech of ${whose(p)} ended`,
  next: (p) => `Speech of ${whose(p)} ended for the next speaker`,
  ended: (p) => `Speech of ${whose(p)} ended with the conference`,
};

function requested(p: AuditParams): string {
  const who = yes(p, 'onBehalf') ? `The chair requested the floor for ${s(p, 'point')}` : `${s(p, 'point')} requested the floor`;
  const priority = p.priority === 'order' ? ', point of order' : p.priority === 'reply' ? ', reply' : '';
  return `${who}: ${s(p, 'delegate')}${p.articles ? `, ${s(p, 'articles')}` : ''}${priority}${p.topic ? ` — ${q(s(p, 'topic'))}` : ''}`;
}

const SPLITS: Record<string, string> = { equal: 'in equal parts', proportional: 'by weight', manual: 'by hand' };
function allocated(p: AuditParams): string {
  const over = `${num(p, 'takers')} ${s(p, 'unit') === 'group' ? 'groups' : 'points'}`;
  return `${spanEn(num(p, 'totalS'))} of speaking time for ${q(s(p, 'item'))}, ${SPLITS[s(p, 'split')] ?? s(p, 'split')} over ${over}${yes(p, 'carryOver') ? ', carrying over what was left' : ''}`;
}
function timeAdded(p: AuditParams): string {
  const to = s(p, 'target') === 'all' ? `each point or group (${num(p, 'takers')})` : s(p, 'who');
  return `${spanEn(num(p, 'seconds'))} added for ${to}, agenda item ${q(s(p, 'item'))}`;
}

export const AUDIT_TEXT_EN: Record<EventType, (p: AuditParams) => string> = {
  'conference.created': (p) => `Conference ${q(s(p, 'title'))} created`,
  'conference.configured': (p) => `Setup of ${q(s(p, 'title'))} updated`,
  'conference.started': () => 'Conference opened',
  'conference.ended': () => 'Conference closed',
  'conference.archived': () => 'Conference archived',
  'settings.updated': (p) => `Settings changed: ${SETTINGS.filter(([k]) => p[k] !== undefined).map(([k, say]) => say(p[k] as string | number)).join('; ')}`,
  'discussion.modeSet': (p) => `Discussion mode: ${MODES[s(p, 'mode')] ?? s(p, 'mode')}`,
  'agenda.activated': (p) => `Moved to agenda item ${q(s(p, 'item'))}`,
  'point.readied': (p) => (yes(p, 'ready') ? `${s(p, 'point')} checked in: ready, ${num(p, 'present')} delegates present` : `${s(p, 'point')} not ready`),
  'floor.requested': requested,
  'floor.accepted': (p) => `Request of ${whose(p)} joined the queue at place ${num(p, 'position')}`,
  'floor.withdrawn': (p) => `${whose(p)} withdrew the request`,
  'floor.reordered': (p) => `Request of ${whose(p)} moved to place ${num(p, 'position')}`,
  'floor.denied': (p) => `Request of ${whose(p)} denied${why(p)}`,
  'floor.granted': (p) => `Floor given to ${whose(p)} for ${spanEn(num(p, 'limitS'))}`,
  'floor.released': (p) => (ENDINGS[s(p, 'reason')] ?? ((x: AuditParams) => `${whose(x)} ended the speech`))(p),
  'floor.revoked': (p) => `Floor taken back from ${whose(p)}${why(p)}`,
  'floor.extended': (p) => `Speech of ${whose(p)} extended by ${spanEn(num(p, 'seconds'))}`,
  'floor.paused': (p) => `Speech of ${whose(p)} paused`,
  'floor.resumed': (p) => `Speech of ${whose(p)} resumed`,
  'floor.timeWarned': (p) => `Speech of ${whose(p)} reached its limit`,
  'queue.closed': () => 'Requests to speak closed',
  'queue.opened': () => 'Requests to speak opened',
  'comment.logged': (p) => `${s(p, 'source') === 'written' ? 'Written comment' : 'Comment'} (${KINDS[s(p, 'kind')] ?? s(p, 'kind')})${ofWhom(p)} on ${refs(p)}: ${q(s(p, 'text'))}`,
  'comment.edited': (p) => `Comment${ofWhom(p)} on ${refs(p)} edited (${s(p, 'changed').split(',').map((c) => CHANGES[c] ?? c).join(', ')}): ${q(s(p, 'text'))}`,
  'comment.retracted': (p) => `Comment${ofWhom(p)} on ${refs(p)} retracted: ${q(s(p, 'text'))}`,
  'comment.responded': (p) => `Comment${ofWhom(p)} on ${refs(p)} answered: ${STATUSES[s(p, 'status')] ?? s(p, 'status')}${p.explanation ? `, ${q(s(p, 'explanation'))}` : ''}`,
  'budget.groupsDefined': (p) => `${num(p, 'groups')} groups of points set${p.names ? `: ${s(p, 'names')}` : ''}`,
  'budget.allocated': allocated,
  'budget.timeAdded': timeAdded,
  'consultation.opened': (p) => `Consultation on ${s(p, 'kind') === 'alternatives' ? `${num(p, 'options')} alternatives of ` : ''}${about(p)} opened${num(p, 'limitS') > 0 ? `, ${spanEn(num(p, 'limitS'))} to answer` : ''}`,
  'consultation.answered': (p) => `${yes(p, 'byChair') ? `The chair recorded for ${s(p, 'point')}:` : `${s(p, 'point')}`} chose ${q(s(p, 'option'))} on ${about(p)}${p.reason ? `: ${q(s(p, 'reason'))}` : ''}`,
  'consultation.closed': (p) => `Consultation on ${about(p)} ${s(p, 'reason') === 'expired' ? 'ran out of time' : 'closed'}`,
  'draft.revisionConfirmed': (p) => `Draft 2 ${q(s(p, 'title'))} confirmed: ${s(p, 'regrouped')} groups of articles changed`,
  'consultation.namesShown': (p) => `Names ${yes(p, 'shown') ? 'shown' : 'hidden'} in the results of the consultation on ${about(p)}`,
  'budget.cleared': (p) => `Speaking-time budget of ${q(s(p, 'item'))} removed`,
  'comment.merged': (p) => `Comment${ofWhom(p)} on ${refs(p)} (${q(s(p, 'text'))}) merged into the one on ${refs(p, 'intoArticles')} (${q(s(p, 'intoText'))})`,
};
