import { applyPresence, EMPTY_PRESENCE, presenceList } from './presenceView';

const entry = (pointId: string, sessions: number, v: number, roles = ['point']) => ({ pointId, sessions, roles, v });

describe('presence view', () => {
  it('PV1: sums a point over nodes and drops a node that died', () => {
    let view = applyPresence(EMPTY_PRESENCE, { node: 'a', v: 1, entries: [entry('tn', 1, 1), entry('tw', 1, 1, ['chair'])] });
    view = applyPresence(view, { node: 'b', v: 3, entries: [entry('tn', 2, 3), entry('role:display', 5, 2, ['display'])], full: true });
    expect(presenceList(view)).toEqual([entry('role:display', 5, 2, ['display']), { pointId: 'tn', sessions: 3, roles: ['point'] }, { pointId: 'tw', sessions: 1, roles: ['chair'] }].map(({ pointId, sessions, roles }) => ({ pointId, sessions, roles })));
    view = applyPresence(view, { node: 'b', v: 0, entries: [], gone: true });
    expect(presenceList(view)).toEqual([{ pointId: 'tn', sessions: 1, roles: ['point'] }, { pointId: 'tw', sessions: 1, roles: ['chair'] }]);
  });

  it('PV2: a snapshot older than a delta already applied cannot undo it; a newer one replaces the node', () => {
    let view = applyPresence(EMPTY_PRESENCE, { node: 'a', v: 5, entries: [entry('hg', 1, 5)] });
    view = applyPresence(view, { node: 'a', v: 4, entries: [entry('tn', 1, 2)], full: true });
    expect(presenceList(view).map((e) => e.pointId)).toEqual(['hg', 'tn']);
    view = applyPresence(view, { node: 'a', v: 6, entries: [entry('hg', 0, 6)] });
    expect(presenceList(view).map((e) => e.pointId)).toEqual(['tn']);
    view = applyPresence(view, { node: 'a', v: 9, entries: [entry('bk', 1, 8)], full: true });
    expect(presenceList(view).map((e) => e.pointId)).toEqual(['bk']);
  });
});
