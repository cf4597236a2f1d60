import { ACTORS, createdEvent, FIXTURE_SETUP, T0 } from '@diem-cau/shared/testing';
import { apply, replay, type ConferenceState, type DomainEvent, type StoredEvent } from '@diem-cau/shared';

export { FIXTURE_SETUP, T0, ACTORS };

/**
 * Builds a stored log from domain events the way the hub would (seq 1, 2, 3 …), starting
 * with the fixture conference's `conference.created`. For view and store tests.
 */
export class LogBuilder {
  readonly events: StoredEvent[] = [createdEvent()];
  private at = T0;

  add(event: DomainEvent, opts: { at?: number; actor?: StoredEvent['actor'] } = {}): this {
    this.at = opts.at ?? this.at + 1_000;
    const seq = this.events.length + 1;
    this.events.push({ ...event, seq, at: this.at, actor: opts.actor ?? ACTORS.chair, commandId: `cmd-${seq}` } as StoredEvent);
    return this;
  }

  state(): ConferenceState {
    const s = replay(this.events);
    if (!s) throw new Error('empty log');
    return s;
  }

  then(state: ConferenceState, event: StoredEvent): ConferenceState {
    return apply(state, event);
  }
}

export function request(requestId: string, pointId: string, name: string, priority: 'normal' | 'reply' | 'order' = 'normal', articles: number[] = []): DomainEvent {
  return {
    type: 'floor.requested',
    payload: { requestId, pointId, delegate: { name, position: '' }, articles: articles.map((article) => ({ article })), topic: '', priority, onBehalf: false },
  };
}

export function accepted(requestId: string, position: number): DomainEvent {
  return { type: 'floor.accepted', payload: { requestId, position } };
}

export function granted(speechId: string, pointId: string, name: string, articles: number[] = []): DomainEvent {
  return {
    type: 'floor.granted',
    payload: { speechId, pointId, delegate: { name, position: '' }, articles: articles.map((article) => ({ article })), topic: '', limitS: 300 },
  };
}

export interface LoggedComment {
  pointId?: string;
  source?: 'spoken' | 'written';
  articles?: number[];
  kind?: 'agree' | 'clarify' | 'supplement' | 'amend' | 'remove' | 'propose' | 'other';
  speechId?: string;
}

export function logged(commentId: string, text: string, c: LoggedComment = {}): DomainEvent {
  return {
    type: 'comment.logged',
    payload: {
      commentId, text, kind: c.kind ?? 'propose', source: c.source ?? 'spoken', articles: (c.articles ?? []).map((article) => ({ article })),
      ...(c.pointId ? { pointId: c.pointId } : {}), ...(c.speechId ? { speechId: c.speechId } : {}),
    },
  };
}

export function merged(commentId: string, intoId: string, articles: number[]): DomainEvent {
  return { type: 'comment.merged', payload: { commentId, intoId, articles: articles.map((article) => ({ article })) } };
}

export function responded(commentId: string, status: 'accepted' | 'partly' | 'explained', explanation = ''): DomainEvent {
  return { type: 'comment.responded', payload: { commentId, status, explanation } };
}
