import { SessionNameAnswerSchema, SessionNameSchema } from '@diem-cau/shared';

/** The name typed once on this device, offered again to the next session opened here (C12). */
const DEVICE_NAME_KEY = 'diemcau.myName';

export function deviceName(): string | undefined {
  try {
    const saved = localStorage.getItem(DEVICE_NAME_KEY);
    const parsed = SessionNameSchema.safeParse(saved ?? '');
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function rememberDeviceName(name: string): void {
  try {
    localStorage.setItem(DEVICE_NAME_KEY, name);
  } catch {
    // private mode: the name is asked again next time
  }
}

export type NameOutcome = { ok: true; name: string } | { ok: false; reason: 'invalid' | 'refused' | 'network' };

/** Tells the hub who is behind this session (POST /api/sessions/name, token in the header). */
export async function sendSessionName(token: string, raw: string, fetchFn: typeof fetch = fetch): Promise<NameOutcome> {
  const name = SessionNameSchema.safeParse(raw);
  if (!name.success) return { ok: false, reason: 'invalid' };
  let res: Response;
  try {
    res = await fetchFn('/api/sessions/name', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: name.data }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (res.status === 400) return { ok: false, reason: 'invalid' };
  if (!res.ok) return { ok: false, reason: res.status >= 500 ? 'network' : 'refused' };
  const answer = SessionNameAnswerSchema.safeParse(await res.json().catch(() => undefined));
  return answer.success ? { ok: true, name: answer.data.name } : { ok: false, reason: 'network' };
}
