import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe('organiser API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('O1: lists conferences with their state, for the admin token only', async () => {
    const { conferenceId } = await hub.createConference();
    const res = await fetch(`${hub.url}/api/conferences`, { headers: admin });
    const body = (await res.json()) as { conferences: Array<{ id: string; status: string; points: number; articles: number }> };
    expect(body.conferences.find((c) => c.id === conferenceId)).toMatchObject({ status: 'scheduled', points: 4, articles: 3 });
    expect((await fetch(`${hub.url}/api/conferences`)).status).toBe(401);
  });

  it('O2: editing before the start adds a point, and the new point gets a join code that works', async () => {
    const { conferenceId } = await hub.createConference();
    const setup = { ...FIXTURE_SETUP, points: [...FIXTURE_SETUP.points, { id: 'cao-bang', name: 'Tỉnh ủy Cao Bằng', kind: 'provincial' }] };
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}`, { method: 'PUT', headers: admin, body: JSON.stringify(setup) });
    expect(res.status).toBe(200);
    const { joinCodes } = (await res.json()) as { joinCodes: Array<{ role: string; pointId?: string; code: string }> };
    const code = joinCodes.find((c) => c.pointId === 'cao-bang')?.code ?? '';
    expect(await hub.session(code)).toMatchObject({ role: 'point', pointId: 'cao-bang', conferenceId });
    const bad = await fetch(`${hub.url}/api/conferences/${conferenceId}`, { method: 'PUT', headers: admin, body: JSON.stringify({ ...setup, points: [] }) });
    expect(bad.status).toBe(400);
  });

  it('O3: a join code is reissued and the old one revoked; a revoked code no longer opens a session', async () => {
    const { conferenceId, joinCodes } = await hub.createConference();
    const old = joinCodes.find((c) => c.pointId === 'thai-nguyen')?.code ?? '';
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}/join-codes`, { method: 'POST', headers: admin, body: JSON.stringify({ role: 'point', pointId: 'thai-nguyen', revokePrevious: true }) });
    expect(res.status).toBe(201);
    const { joinCode } = (await res.json()) as { joinCode: { code: string } };
    await expect(hub.session(old)).rejects.toThrow('404');
    expect(await hub.session(joinCode.code)).toMatchObject({ pointId: 'thai-nguyen' });
    const del = await fetch(`${hub.url}/api/conferences/${conferenceId}/join-codes/${joinCode.code}`, { method: 'DELETE', headers: admin });
    expect(del.status).toBe(200);
    await expect(hub.session(joinCode.code)).rejects.toThrow('404');
  });

  it('O4: the organiser session reads reports and may archive once the conference ended', async () => {
    const { conferenceId, joinCodes } = await hub.createConference();
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}/organiser-session`, { method: 'POST', headers: admin });
    const { token } = (await res.json()) as { token: string };
    const report = await fetch(`${hub.url}/api/conferences/${conferenceId}/reports/synthesis.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(report.status).toBe(200);
    const chair = await hub.join(joinCodes, { role: 'chair' });
    await chair.command({ type: 'conference.start' });
    await chair.command({ type: 'conference.end' });
    const { TestClient } = await import('../testing/testClient');
    const organiser = await TestClient.connect(hub.url, token, conferenceId);
    expect(await organiser.command({ type: 'conference.archive' })).toMatchObject({ ok: true });
    organiser.close();
  });
});
