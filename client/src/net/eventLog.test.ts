import { LogBuilder, accepted, request } from '../testing/fixtures';
import { EventLog } from './eventLog';

describe('EventLog', () => {
  const log = new LogBuilder()
    .add({ type: 'conference.started', payload: {} })
    .add(request('r1', 'thai-nguyen', 'A'))
    .add(accepted('r1', 0));
  const [created, started, requested, acceptedEvent] = log.events;

  it('applies events in seq order and reaches the same state as a replay', () => {
    const client = new EventLog();
    expect(client.receive(log.events)).toBe(true);
    expect(client.state).toEqual(log.state());
    expect(client.hasGap).toBe(false);
  });

  it('holds events after a gap until the missing one arrives', () => {
    const client = new EventLog();
    client.receive([created!, started!]);
    expect(client.receive([acceptedEvent!])).toBe(false);
    expect(client.hasGap).toBe(true);
    expect(client.seq).toBe(2);
    client.receive([requested!]);
    expect(client.seq).toBe(4);
    expect(client.hasGap).toBe(false);
    expect(client.state?.queue).toEqual(['r1']);
  });

  it('ignores events it already applied (a sync overlapping a broadcast)', () => {
    const client = new EventLog();
    client.receive(log.events);
    expect(client.receive([requested!, acceptedEvent!])).toBe(false);
    expect(client.state).toEqual(log.state());
  });

  it('takes a snapshot and still applies held events that follow it', () => {
    const client = new EventLog();
    client.receive([acceptedEvent!]);
    const upTo3 = new LogBuilder().add({ type: 'conference.started', payload: {} }).add(request('r1', 'thai-nguyen', 'A')).state();
    client.reset(upTo3);
    expect(client.seq).toBe(4);
    expect(client.state?.queue).toEqual(['r1']);
  });
});
