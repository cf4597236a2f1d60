import { decideAddTime, decideAllocate, decideClear, decideDefineGroups } from '../budget/decideBudget';
import { decideEdit, decideLog, decideRetract } from '../comments/decideComments';
import { decideMerge, decideRespond } from '../comments/decideResponses';
import { decideAnswer, decideClose, decideOpen, decideShowNames } from '../consultation/decideConsultation';
import { decideArchive, decideConfigure } from '../conference/decideSetup';
import {
  decideActivate, decideEnd, decideReady, decideSetMode, decideSettings, decideStart,
} from '../conference/decideConference';
import type { ConferenceState } from '../conference/state';
import {
  decideAccept, decideDeny, decideQueueToggle, decideReorder, decideRequest, decideWithdraw,
} from '../floor/decideRequests';
import {
  decideExtend, decideGrant, decidePause, decideRelease, decideRevoke, decideTimeUp,
} from '../floor/decideSpeeches';
import { decideConfirmRevision } from '../revision/decideRevision';
import type { Command } from './commands';
import type { DecideContext, Decision } from './decision';
import { assertNever, refuse } from './errors';
import { permissionOf } from './permissions';

/**
 * The domain's single entry point: is this actor allowed, and what happens.
 * Pure: the same state, command and context always give the same decision.
 */
export function decide(state: ConferenceState, command: Command, ctx: DecideContext): Decision {
  if (command.conferenceId !== state.id) return refuse('WRONG_CONFERENCE');
  if (permissionOf(ctx.actor.role, command.type) === 'none') {
    return refuse('ROLE_NOT_ALLOWED', { role: ctx.actor.role, command: command.type });
  }
  return route(state, command, ctx);
}

function route(state: ConferenceState, c: Command, ctx: DecideContext): Decision {
  switch (c.type) {
    case 'conference.start': return decideStart(state);
    case 'conference.end': return decideEnd(state);
    case 'conference.configure': return decideConfigure(state, c);
    case 'conference.archive': return decideArchive(state);
    case 'discussion.setMode': return decideSetMode(state, c);
    case 'settings.update': return decideSettings(state, c);
    case 'agenda.activate': return decideActivate(state, c);
    case 'point.ready': return decideReady(state, c, ctx);
    case 'floor.request': return decideRequest(state, c, ctx);
    case 'floor.accept': return decideAccept(state, c);
    case 'floor.withdraw': return decideWithdraw(state, c, ctx);
    case 'floor.deny': return decideDeny(state, c);
    case 'floor.reorder': return decideReorder(state, c);
    case 'queue.close': return decideQueueToggle(state, false);
    case 'queue.open': return decideQueueToggle(state, true);
    case 'floor.grant': return decideGrant(state, c, ctx);
    case 'floor.release': return decideRelease(state, c, ctx);
    case 'floor.revoke': return decideRevoke(state, c);
    case 'floor.extend': return decideExtend(state, c);
    case 'floor.pause': case 'floor.resume': return decidePause(state, c);
    case 'floor.timeUp': return decideTimeUp(state, c, ctx);
    case 'comment.log': return decideLog(state, c, ctx);
    case 'comment.edit': return decideEdit(state, c, ctx);
    case 'comment.retract': return decideRetract(state, c, ctx);
    case 'comment.respond': return decideRespond(state, c);
    case 'comment.merge': return decideMerge(state, c);
    case 'budget.defineGroups': return decideDefineGroups(state, c);
    case 'budget.allocate': return decideAllocate(state, c);
    case 'budget.addTime': return decideAddTime(state, c);
    case 'budget.clear': return decideClear(state, c);
    case 'consultation.open': return decideOpen(state, c, ctx);
    case 'consultation.answer': return decideAnswer(state, c, ctx);
    case 'consultation.close': return decideClose(state, c, ctx);
    case 'consultation.showNames': return decideShowNames(state, c);
    case 'draft.confirmRevision': return decideConfirmRevision(state, c);
    default: return assertNever(c);
  }
}
