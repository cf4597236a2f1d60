import { z } from 'zod';

/** A refusal from the hub (its `{error: {code, message, details}}`), or NETWORK when there was no answer. */
export interface ApiError {
  code: string;
  message: string;
  status: number;
  /** details.reason of an import error (UNSUPPORTED_TYPE, NO_COLUMNS, …). */
  reason?: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
const Reason = z.object({ reason: z.string() });

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** The admin token on every call; a 401 means the token is wrong or was rotated: the app logs out. */
export class AdminApi {
  constructor(
    readonly token: string,
    private readonly onUnauthorized: () => void = () => undefined,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  async request<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await this.fetchFn(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    } catch {
      return { ok: false, error: { code: 'NETWORK', message: '', status: 0 } };
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) return { ok: false, error: this.refusal(res.status, json) };
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ trả lời không đúng định dạng', status: res.status } };
    return { ok: true, value: parsed.data };
  }

  private refusal(status: number, json: unknown): ApiError {
    if (status === 401) this.onUnauthorized();
    const body = ErrorBody.safeParse(json);
    if (!body.success) return { code: 'UNAVAILABLE', message: `HTTP ${status}`, status };
    const reason = Reason.safeParse(body.data.error.details);
    return { code: body.data.error.code, message: body.data.error.message, status, ...(reason.success ? { reason: reason.data.reason } : {}) };
  }
}
