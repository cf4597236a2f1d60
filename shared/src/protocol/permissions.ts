import type { Role } from './actor';
import type { CommandType } from './commands';

/**
 * Who may issue which command. 'own' means: only for the actor's own bridge point
 * (its own request, speech, written comment or check-in); decide() checks ownership.
 * The 'system' actor (the hub's timers) is handled separately and may only time speeches and consultations out.
 */
export type Permission = 'any' | 'own' | 'none';

const CHAIR_ONLY: Record<Role, Permission> = { chair: 'any', secretary: 'none', point: 'none', display: 'none', organiser: 'none', viewer: 'none' };
const CHAIR_OR_ORGANISER: Record<Role, Permission> = { ...CHAIR_ONLY, organiser: 'any' };
const CHAIR_OR_OWN_POINT: Record<Role, Permission> = { ...CHAIR_ONLY, point: 'own' };
const COMMENTERS: Record<Role, Permission> = { chair: 'any', secretary: 'any', point: 'own', display: 'none', organiser: 'none', viewer: 'none' };
const ORGANISER_ONLY: Record<Role, Permission> = { chair: 'none', secretary: 'none', point: 'none', display: 'none', organiser: 'any', viewer: 'none' };
const SECRETARIES: Record<Role, Permission> = { chair: 'any', secretary: 'any', point: 'none', display: 'none', organiser: 'none', viewer: 'none' };
const NOBODY: Record<Role, Permission> = { chair: 'none', secretary: 'none', point: 'none', display: 'none', organiser: 'none', viewer: 'none' };

export const PERMISSIONS: Record<CommandType, Record<Role, Permission>> = {
  'conference.start': CHAIR_OR_ORGANISER,
  'conference.end': CHAIR_OR_ORGANISER,
  'conference.configure': ORGANISER_ONLY,
  'conference.archive': ORGANISER_ONLY,
  'discussion.setMode': CHAIR_ONLY,
  'settings.update': CHAIR_OR_ORGANISER,
  'agenda.activate': CHAIR_ONLY,
  'floor.request': CHAIR_OR_OWN_POINT,
  'floor.withdraw': CHAIR_OR_OWN_POINT,
  'floor.accept': CHAIR_ONLY,
  'floor.reorder': CHAIR_ONLY,
  'floor.grant': CHAIR_ONLY,
  'floor.deny': CHAIR_ONLY,
  'floor.release': CHAIR_OR_OWN_POINT,
  'floor.revoke': CHAIR_ONLY,
  'floor.extend': CHAIR_ONLY,
  'floor.pause': CHAIR_ONLY,
  'floor.resume': CHAIR_ONLY,
  'floor.timeUp': NOBODY,
  'queue.close': CHAIR_ONLY,
  'queue.open': CHAIR_ONLY,
  'comment.log': COMMENTERS,
  'comment.edit': COMMENTERS,
  'comment.retract': COMMENTERS,
  'comment.respond': ORGANISER_ONLY,
  'comment.merge': SECRETARIES,
  'point.ready': CHAIR_OR_OWN_POINT,
  'budget.defineGroups': CHAIR_OR_ORGANISER,
  'budget.allocate': CHAIR_OR_ORGANISER,
  'budget.addTime': CHAIR_ONLY,
  'budget.clear': CHAIR_OR_ORGANISER,
  'consultation.open': CHAIR_ONLY,
  'consultation.answer': CHAIR_OR_OWN_POINT,
  'consultation.close': CHAIR_ONLY,
  'consultation.showNames': CHAIR_ONLY,
  'draft.confirmRevision': ORGANISER_ONLY,
};

/** The hub's timers: a speech's time running out, and a consultation's (PO17; decide lets the system close only an expired one). */
const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set(['floor.timeUp', 'floor.release', 'consultation.close']);

export function permissionOf(role: Role | 'system', type: CommandType): Permission {
  if (role === 'system') return SYSTEM_COMMANDS.has(type) ? 'any' : 'none';
  return PERMISSIONS[type][role];
}
