import { TestClient } from './testClient';

export type JoinCodes = Array<{ role: string; code: string; pointId?: string }>;

export async function postJson(url: string, path: string, body: unknown, auth?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Opens a session with the code of a role (or point) through the node at `url`, and connects a client there. */
export async function joinAt(url: string, codes: JoinCodes, role: string, pointId?: string): Promise<TestClient> {
  const code = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code;
  const s = (await postJson(url, '/api/sessions', { code })).body as { token: string; conferenceId: string };
  return TestClient.connect(url, s.token, s.conferenceId);
}

/** Waits for a condition; the deadline only ends a broken run. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
