import { ACTORS, FIXTURE_SETUP, FixtureConference } from '../testing/conferenceFixture';
import { decide } from '../protocol/decide';
import { ConferenceSetupSchema } from './setup';

describe('conference lifecycle', () => {
  it('K1: scheduled → live → ended, each step once', () => {
    const conf = new FixtureConference();
    expect(conf.state.status).toBe('scheduled');
    expect(conf.run(ACTORS.chair, { type: 'conference.end' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.chair, { type: 'conference.start' });
    expect(conf.run(ACTORS.chair, { type: 'conference.start' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.organiser, { type: 'conference.end' });
    expect(conf.state.status).toBe('ended');
  });

  it('K10: ending the conference ends its active agenda item', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' });
    conf.must(ACTORS.chair, { type: 'conference.end' });
    expect(conf.state.activeAgendaItemId).toBeUndefined();
  });

  it('K2: the chair activates an agenda item that exists', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'agenda.activate', itemId: 'thao-luan' });
    expect(conf.state.activeAgendaItemId).toBe('thao-luan');
    expect(conf.run(ACTORS.chair, { type: 'agenda.activate', itemId: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('K3: a point checks itself in with the delegates present', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.thaiNguyen, { type: 'point.ready', pointId: 'thai-nguyen', ready: true, connectionChecked: true, soundChecked: true, delegatesPresent: ['d-tn1'] });
    expect(conf.state.points.get('thai-nguyen')?.checkIn).toMatchObject({ ready: true, delegatesPresent: ['d-tn1'] });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'point.ready', pointId: 'ha-giang', ready: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'point.ready', pointId: 'thai-nguyen', ready: true, delegatesPresent: ['d-tw'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('K4: the chair switches the discussion mode; the same mode twice is a CONFLICT', () => {
    const conf = new FixtureConference();
    expect(conf.state.settings.discussionMode).toBe('request');
    conf.must(ACTORS.chair, { type: 'discussion.setMode', mode: 'open' });
    expect(conf.state.settings.discussionMode).toBe('open');
    expect(conf.run(ACTORS.chair, { type: 'discussion.setMode', mode: 'open' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('K5: a conference needs exactly one central point and unique point ids', () => {
    const points = FIXTURE_SETUP.points.map((p) => ({ ...p, kind: 'provincial' as const }));
    expect(ConferenceSetupSchema.safeParse({ ...FIXTURE_SETUP, points }).success).toBe(false);
    const dup = [...FIXTURE_SETUP.points, FIXTURE_SETUP.points[1]];
    expect(ConferenceSetupSchema.safeParse({ ...FIXTURE_SETUP, points: dup }).success).toBe(false);
  });

  it('K6: a command for another conference is NOT_FOUND', () => {
    const conf = new FixtureConference();
    const command = { ...conf.command({ type: 'conference.start' }), conferenceId: 'other' };
    expect(decide(conf.state, command, { actor: ACTORS.chair, now: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('setup changes and archive', () => {
  it('K7: the organiser replaces the setup before the start; check-ins of remaining points are kept', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.thaiNguyen, { type: 'point.ready', pointId: 'thai-nguyen', ready: true });
    const points = [...FIXTURE_SETUP.points.filter((p) => p.id !== 'bac-kan'), { id: 'cao-bang', name: 'Tỉnh ủy Cao Bằng', kind: 'provincial' as const }];
    conf.must(ACTORS.organiser, { type: 'conference.configure', setup: { ...FIXTURE_SETUP, title: 'Tên mới', points } });
    expect(conf.state.title).toBe('Tên mới');
    expect(conf.state.points.ids).toEqual(['tw', 'thai-nguyen', 'ha-giang', 'cao-bang']);
    expect(conf.state.points.get('thai-nguyen')?.checkIn?.ready).toBe(true);
    conf.must(ACTORS.chair, { type: 'conference.start' });
    expect(conf.run(ACTORS.organiser, { type: 'conference.configure', setup: FIXTURE_SETUP })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('K8: a new setup may not orphan what the log holds (a point with requests, an article with comments)', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.thaiNguyen, { type: 'comment.log', pointId: 'thai-nguyen', kind: 'agree', text: 'Đồng ý Điều 3', source: 'written', articles: [{ article: 3 }] });
    const withoutTn = FIXTURE_SETUP.points.filter((p) => p.id !== 'thai-nguyen');
    expect(conf.run(ACTORS.organiser, { type: 'conference.configure', setup: { ...FIXTURE_SETUP, points: withoutTn } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const shortDraft = { title: 'Dự thảo', articles: [{ number: 1, title: 'Một' }] };
    expect(conf.run(ACTORS.organiser, { type: 'conference.configure', setup: { ...FIXTURE_SETUP, draft: shortDraft } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('K9: only an ended conference is archived, once', () => {
    const conf = new FixtureConference();
    expect(conf.run(ACTORS.organiser, { type: 'conference.archive' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.chair, { type: 'conference.start' });
    conf.must(ACTORS.chair, { type: 'conference.end' });
    conf.must(ACTORS.organiser, { type: 'conference.archive' });
    expect(conf.state.archived).toBe(true);
    expect(conf.run(ACTORS.organiser, { type: 'conference.archive' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
