import type { Normalised } from './state';

/**
 * How a reducer writes into a normalised collection. `COPY` keeps every earlier state intact
 * (clients, React). `IN_PLACE` is for replaying a log into a state nobody else holds yet: it
 * makes a rebuild O(events) instead of O(events × collection size).
 */
export interface CollectionWriter {
  put<T>(n: Normalised<T>, id: string, value: T): Normalised<T>;
  add<T>(n: Normalised<T>, id: string, value: T): Normalised<T>;
}

export const COPY: CollectionWriter = {
  put: (n, id, value) => ({ ids: n.ids, byId: { ...n.byId, [id]: value } }),
  add: (n, id, value) => ({ ids: [...n.ids, id], byId: { ...n.byId, [id]: value } }),
};

export const IN_PLACE: CollectionWriter = {
  put: (n, id, value) => {
    n.byId[id] = value;
    return n;
  },
  add: (n, id, value) => {
    n.ids.push(id);
    n.byId[id] = value;
    return n;
  },
};
