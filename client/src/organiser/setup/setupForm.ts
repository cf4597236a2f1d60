import {
  DEFAULT_TIME_ZONE, isTimeZone, listOf, type AgendaKind, type ConferenceSetup, type ConferenceState, type DiscussionMode, type Draft,
} from '@diem-cau/shared';
import { fromZonedInput, toZonedInput } from '../../domain/zonedTime';
import type { DraftWarning } from '../api/organiserApi';
import type { OrganiserMessages } from '../i18n/vi';
import { formatArticleList, readArticleList } from './articleList';
import { newKey, slugId, uniqueId } from './ids';

export interface DelegateForm { key: string; id?: string; name: string; position: string }
export interface PointForm { key: string; id?: string; name: string; delegates: DelegateForm[] }
export interface AgendaForm { key: string; id?: string; kind: AgendaKind; title: string; articles: string; plannedMinutes: string }
export interface SettingsForm {
  speechMinutes: string; warningBeforeS: string; maxOpenRequestsPerPoint: string;
  autoEndSpeech: boolean; moderatedRequests: boolean; discussionMode: DiscussionMode;
}

/** A draft read from a file or pasted: `text` is what the organiser may correct line by line. */
export interface DraftForm {
  draft: Draft;
  warnings: DraftWarning[];
  /** The text the tree was read from; '' for a conference's stored draft until it is reviewed. */
  text: string;
  /** The text as uploaded, to count corrected lines. */
  originalText: string;
  fileName?: string;
  accepted: boolean;
}

export interface SetupForm {
  title: string;
  /** `<input type="datetime-local">` value, read in the conference's zone (not the browser's). */
  scheduledAt: string;
  venue: string;
  /** IANA zone every console, sheet and report shows the conference's times in (K11). */
  timeZone: string;
  draft: DraftForm | null;
  agenda: AgendaForm[];
  central: PointForm;
  points: PointForm[];
  settings: SettingsForm;
}

export const emptyPoint = (name = ''): PointForm => ({ key: newKey('p'), name, delegates: [] });
export const emptyDelegate = (): DelegateForm => ({ key: newKey('d'), name: '', position: '' });

export function emptyForm(): SetupForm {
  return {
    title: '', scheduledAt: '', venue: '', timeZone: DEFAULT_TIME_ZONE, draft: null, agenda: [],
    central: emptyPoint('Điểm cầu Trung ương'), points: [],
    settings: { speechMinutes: '5', warningBeforeS: '30', maxOpenRequestsPerPoint: '2', autoEndSpeech: false, moderatedRequests: false, discussionMode: 'request' },
  };
}

/** ISO with offset → "2023-10-27T08:00" as the conference's clock reads it. */
export function toLocalInput(iso: string | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  return toZonedInput(iso, timeZone);
}

/** "2023-10-27T08:00" typed for the conference → "2023-10-27T08:00:00+07:00", the conference zone's offset at that date. */
export function fromLocalInput(local: string, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  return fromZonedInput(local, timeZone);
}

function pointForm(p: { id: string; name: string; delegates: Array<{ id: string; name: string; position: string }> }): PointForm {
  return { key: newKey('p'), id: p.id, name: p.name, delegates: p.delegates.map((d) => ({ key: newKey('d'), id: d.id, name: d.name, position: d.position })) };
}

/** A conference not yet started, back into the form; its stored ids are kept so nothing is orphaned. */
export function formFromState(state: ConferenceState): SetupForm {
  const points = listOf(state.points);
  const central = points.find((p) => p.kind === 'central');
  const s = state.settings;
  const hasDraft = state.draft.chapters.length > 0 || state.draft.articles.length > 0;
  return {
    title: state.title, scheduledAt: toLocalInput(state.scheduledAt, state.timeZone), venue: state.venue ?? '', timeZone: state.timeZone,
    draft: hasDraft ? { draft: state.draft, warnings: [], text: '', originalText: '', accepted: true } : null,
    agenda: listOf(state.agenda).map((a) => ({
      key: newKey('a'), id: a.id, kind: a.kind, title: a.title, articles: formatArticleList(a.articles), plannedMinutes: a.plannedMinutes === undefined ? '' : String(a.plannedMinutes),
    })),
    central: central ? pointForm(central) : emptyPoint('Điểm cầu Trung ương'),
    points: points.filter((p) => p.kind === 'provincial').map(pointForm),
    settings: {
      speechMinutes: String(s.defaultSpeechS / 60), warningBeforeS: String(s.warningBeforeS), maxOpenRequestsPerPoint: String(s.maxOpenRequestsPerPoint),
      autoEndSpeech: s.autoEndSpeech, moderatedRequests: s.moderatedRequests, discussionMode: s.discussionMode,
    },
  };
}

type Errors = OrganiserMessages['setup']['errors'];
type Built = { ok: true; setup: ConferenceSetup } | { ok: false; errors: string[] };

function buildPoints(form: SetupForm, e: Errors, errors: string[]): ConferenceSetup['points'] {
  const pointIds = new Set<string>(); // stored ids first, so a new point never takes one
  const delegateIds = new Set<string>();
  const all = [form.central, ...form.points];
  for (const p of all) {
    if (p.id) pointIds.add(p.id);
    for (const d of p.delegates) if (d.id) delegateIds.add(d.id);
  }
  const names = new Set<string>();
  return all.map((p, i) => {
    const name = p.name.trim();
    if (name === '') errors.push(i === 0 ? e.central : e.pointName(i));
    else if (names.has(name.toLocaleLowerCase('vi'))) errors.push(e.pointDuplicate(name));
    names.add(name.toLocaleLowerCase('vi'));
    const id = p.id ?? uniqueId(slugId(name, `diem-cau-${i + 1}`), pointIds);
    const delegates = p.delegates
      .filter((d) => d.name.trim() !== '' || d.position.trim() !== '')
      .map((d, n) => {
        if (d.name.trim() === '') errors.push(e.delegateName(name));
        return { id: d.id ?? uniqueId(`${id}-${n + 1}`, delegateIds), name: d.name.trim(), position: d.position.trim() };
      });
    return { id, name, kind: i === 0 ? ('central' as const) : ('provincial' as const), delegates };
  });
}

function buildAgenda(form: SetupForm, t: OrganiserMessages, errors: string[]): ConferenceSetup['agenda'] {
  const ids = new Set(form.agenda.flatMap((a) => (a.id ? [a.id] : [])));
  const draft = form.draft?.draft ?? null;
  return form.agenda.map((a, i) => {
    const n = i + 1;
    if (a.title.trim() === '') errors.push(t.setup.errors.agendaTitle(n));
    const reading = readArticleList(a.articles, draft);
    if (reading.bad.length > 0) errors.push(t.setup.errors.agendaArticles(n, t.agenda.badRefs(reading.bad.join(' '))));
    if (reading.unknown.length > 0) errors.push(t.setup.errors.agendaArticles(n, t.agenda.unknownArticles(reading.unknown.map((x) => t.draft.article(x)).join(', '))));
    const minutes = a.plannedMinutes.trim() === '' ? undefined : Number(a.plannedMinutes);
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)) errors.push(t.setup.errors.agendaMinutes(n));
    const id = a.id ?? uniqueId(slugId(`${a.kind} ${n}`, `noi-dung-${n}`), ids);
    return { id, kind: a.kind, title: a.title.trim(), articles: reading.refs, ...(minutes === undefined || Number.isNaN(minutes) ? {} : { plannedMinutes: minutes }) };
  });
}

function buildSettings(s: SettingsForm, e: Errors, errors: string[]): ConferenceSetup['settings'] {
  const speechS = Math.round(Number(s.speechMinutes.replace(',', '.')) * 60);
  const warning = Number(s.warningBeforeS);
  const maxOpen = Number(s.maxOpenRequestsPerPoint);
  if (!(speechS >= 30 && speechS <= 3_600)) errors.push(e.speech);
  if (!(Number.isInteger(warning) && warning >= 0 && warning <= 600)) errors.push(e.warning);
  if (!(Number.isInteger(maxOpen) && maxOpen >= 1 && maxOpen <= 20)) errors.push(e.maxOpen);
  return { defaultSpeechS: speechS, warningBeforeS: warning, maxOpenRequestsPerPoint: maxOpen, autoEndSpeech: s.autoEndSpeech, moderatedRequests: s.moderatedRequests, discussionMode: s.discussionMode };
}

/** The form → the setup the hub takes, or every problem in the order of the page. */
export function buildSetup(form: SetupForm, t: OrganiserMessages): Built {
  const errors: string[] = [];
  const title = form.title.trim();
  if (title === '') errors.push(t.setup.errors.title);
  const timeZone = form.timeZone.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) errors.push(t.setup.errors.timeZone);
  const scheduledAt = form.scheduledAt === '' || !isTimeZone(timeZone) ? undefined : fromLocalInput(form.scheduledAt, timeZone);
  if (form.scheduledAt !== '' && isTimeZone(timeZone) && !scheduledAt) errors.push(t.setup.errors.when);
  if (form.draft && !form.draft.accepted) errors.push(t.setup.errors.draftPending);
  const agenda = buildAgenda(form, t, errors);
  const points = buildPoints(form, t.setup.errors, errors);
  const settings = buildSettings(form.settings, t.setup.errors, errors);
  if (errors.length > 0) return { ok: false, errors };
  const draft: Draft = form.draft?.draft ?? { title: title || 'Dự thảo', chapters: [], articles: [] };
  const venue = form.venue.trim();
  return { ok: true, setup: { title, ...(scheduledAt ? { scheduledAt } : {}), ...(venue ? { venue } : {}), timeZone, draft, agenda, points, settings } };
}
