import { followedLabel, renderDraftText, type DraftAlignment, type Draft } from '@diem-cau/shared';
import { REVISED_DRAFT } from '@diem-cau/shared/testing';
import type { TestClient } from '../testing/testClient';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';

interface ProposalBody { draft: Draft; alignment: DraftAlignment; warnings: unknown[]; error?: { code: string; reason?: string; details?: unknown } }
interface ConfirmBody { seq?: number; error?: { code: string; reason?: string; params?: Record<string, unknown> } }

describe('the revised draft over HTTP (DA13, DA16)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub.stop();
  });

  const auth = (token = TEST_ADMIN_TOKEN): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  async function propose(id: string, text: string, token?: string) {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(text, 'utf8')]), 'du-thao-lan-2.txt');
    form.append('title', REVISED_DRAFT.title);
    const res = await fetch(`${hub.url}/api/conferences/${id}/draft-revision/parse`, { method: 'POST', body: form, headers: auth(token) });
    return { status: res.status, body: (await res.json()) as ProposalBody };
  }

  async function confirm(id: string, body: unknown) {
    const res = await fetch(`${hub.url}/api/conferences/${id}/draft-revision`, { method: 'PUT', body: JSON.stringify(body), headers: { ...auth(), 'content-type': 'application/json' } });
    return { status: res.status, body: (await res.json()) as ConfirmBody };
  }

  /** An ended conference with a point's written comment on Điều 1 khoản 2, and the chair's socket watching. */
  async function endedConference(): Promise<{ id: string; chair: TestClient }> {
    const { conferenceId, joinCodes } = await hub.createConference();
    const chair = await hub.join(joinCodes, { role: 'chair' });
    const point = await hub.join(joinCodes, { role: 'point', pointId: 'thai-nguyen' });
    expect((await chair.command({ type: 'conference.start' })).ok).toBe(true);
    const logged = await point.command({ type: 'comment.log', pointId: 'thai-nguyen', kind: 'amend', text: 'Sửa khoản 2', source: 'written', articles: [{ article: 1, clause: 2 }] });
    expect(logged.ok).toBe(true);
    const ended = await chair.command({ type: 'conference.end' });
    if (!ended.ok) throw new Error('end refused');
    await chair.waitForSeq(ended.seq);
    return { id: conferenceId, chair };
  }

  it('DA16: an uploaded revision is parsed and aligned with the conference draft: the renumbering is proposed, nothing is stored', async () => {
    const { id, chair } = await endedConference();
    const seq = chair.seq;
    const { status, body } = await propose(id, renderDraftText(REVISED_DRAFT));
    expect(status).toBe(200);
    expect(body.draft.title).toBe(REVISED_DRAFT.title);
    expect(body.alignment.articles.map((g) => [g.kind, g.before, g.after])).toEqual(expect.arrayContaining([['moved', [1], [2]], ['moved', [3], [4]], ['new', [], [1]]]));
    expect(body.alignment.clauses).toEqual(expect.arrayContaining([expect.objectContaining({ before: [{ article: 1, clause: 2 }], after: [{ article: 2, clause: 2 }] })]));
    const state = await fetch(`${hub.url}/api/conferences/${id}/state`, { headers: auth() });
    expect(((await state.json()) as { seq: number }).seq).toBe(seq);
  });

  it('DA13: after the end the organiser confirms; every socket gets the event and the comment follows its article', async () => {
    const { id, chair } = await endedConference();
    const { body: proposal } = await propose(id, renderDraftText(REVISED_DRAFT));
    const { status, body } = await confirm(id, { draft: proposal.draft, alignment: proposal.alignment });
    expect(status).toBe(200);
    await chair.waitForSeq(body.seq ?? 0);
    expect(chair.state?.revision?.draft.title).toBe(REVISED_DRAFT.title);
    const comment = chair.state?.comments.list()[0];
    expect(followedLabel(chair.state!, comment?.articles ?? [])).toBe('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
  });

  it('DA12: a mapping that leaves an article out is INVALID with its reason, and the log is unchanged', async () => {
    const { id, chair } = await endedConference();
    const seq = chair.seq;
    const { body: proposal } = await propose(id, renderDraftText(REVISED_DRAFT));
    const articles = proposal.alignment.articles.filter((g) => g.before[0] !== 3);
    const { status, body } = await confirm(id, { draft: proposal.draft, alignment: { ...proposal.alignment, articles } });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'INVALID', reason: 'REVISION_UNIT_UNMAPPED', params: { unit: '3', draft: 1 } });
    const wrongShape = await confirm(id, { draft: proposal.draft, alignment: { articles: 'tất cả' } });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error?.code).toBe('INVALID');
    const state = await fetch(`${hub.url}/api/conferences/${id}/state`, { headers: auth() });
    expect(((await state.json()) as { seq: number }).seq).toBe(seq);
  });

  it('DA18: a client that sends a reworded article and clause as unchanged is overruled: the log says changed', async () => {
    const { id, chair } = await endedConference();
    const reworded = structuredClone(REVISED_DRAFT);
    const clause = reworded.chapters[0]?.articles.find((a) => a.number === 2)?.clauses.find((c) => c.number === 2);
    if (!clause) throw new Error('the fixture has changed: Điều 2 khoản 2 expected');
    clause.text = 'b, viết lại';
    const { body: proposal } = await propose(id, renderDraftText(reworded));
    const lie = <G extends { changed: boolean }>(g: G): G => ({ ...g, changed: false });
    const alignment = { articles: proposal.alignment.articles.map(lie), clauses: proposal.alignment.clauses.map(lie) };
    const { status, body } = await confirm(id, { draft: proposal.draft, alignment });
    expect(status).toBe(200);
    await chair.waitForSeq(body.seq ?? 0);
    const stored = chair.state?.revision?.alignment;
    expect(stored?.articles.find((g) => g.before[0] === 1)).toMatchObject({ after: [2], changed: true });
    expect(stored?.clauses.find((g) => g.before[0]?.clause === 2)).toMatchObject({ after: [{ article: 2, clause: 2 }], changed: true });
    expect(stored?.clauses.find((g) => g.before[0]?.clause === 1)).toMatchObject({ changed: false });
  });

  it('DA17: the confirmed mapping amended over HTTP replaces the earlier; the same body again writes nothing', async () => {
    const { id, chair } = await endedConference();
    const { body: proposal } = await propose(id, renderDraftText(REVISED_DRAFT));
    const first = await confirm(id, { draft: proposal.draft, alignment: proposal.alignment });
    await chair.waitForSeq(first.body.seq ?? 0);
    const again = await confirm(id, { draft: proposal.draft, alignment: proposal.alignment });
    expect([again.status, again.body.seq]).toEqual([200, first.body.seq]);
    // Amended: the old Điều 2 left out, the new Điều 3 new.
    const articles = [...proposal.alignment.articles.filter((g) => g.before[0] !== 2 && g.after[0] !== 3),
      { kind: 'deleted', before: [2], after: [], confidence: 1, changed: true, evidence: { text: 0, title: 0, basis: [] } },
      { kind: 'new', before: [], after: [3], confidence: 1, changed: true, evidence: { text: 0, title: 0, basis: [] } }];
    const amended = await confirm(id, { draft: proposal.draft, alignment: { ...proposal.alignment, articles } });
    expect(amended.status).toBe(200);
    expect(amended.body.seq).toBe((first.body.seq ?? 0) + 1);
    await chair.waitForSeq(amended.body.seq ?? 0);
    expect(chair.state?.revision?.amendments).toBe(1);
    expect(followedLabel(chair.state!, [{ article: 2 }])).toBe('Điều 2 (dự thảo lần 1) → không còn trong dự thảo lần 2');
  });

  it('DA13: before the start a revision is refused (409 REVISION_BEFORE_START); without the admin token 401; unknown conference 404', async () => {
    const { conferenceId } = await hub.createConference();
    const { body: proposal, status } = await propose(conferenceId, renderDraftText(REVISED_DRAFT));
    expect(status).toBe(200);
    const refused = await confirm(conferenceId, { draft: proposal.draft, alignment: proposal.alignment });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', reason: 'REVISION_BEFORE_START' });
    expect((await propose(conferenceId, 'Điều 1. A', '')).status).toBe(401);
    expect((await propose('khong-co', renderDraftText(REVISED_DRAFT))).status).toBe(404);
  });
});
