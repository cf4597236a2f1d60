import { z } from 'zod';
import { AdminApi, type FetchFn } from './http';
import { organiserApi } from './organiserApi';

/** jsdom has no fetch Response: the little of it the client reads. */
const json = (status: number, body: unknown) => Promise.resolve({ ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) } as Response);

describe('organiser HTTP client', () => {
  it('sends the admin token and JSON, and checks the answer against its schema', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchFn: FetchFn = (input, init) => {
      calls.push([input, init]);
      return json(200, { joinCode: { code: 'ABCD-EFGH', role: 'point', label: 'Tỉnh ủy Bắc Kạn', link: 'http://x/join/ABCD-EFGH', pointId: 'bac-kan' } });
    };
    const answer = await organiserApi(new AdminApi('admin-token', undefined, fetchFn)).reissue('hn 1', 'point', 'bac-kan');
    expect(answer).toEqual({ ok: true, value: expect.objectContaining({ code: 'ABCD-EFGH' }) });
    const [url, init] = calls[0]!;
    expect(url).toBe('/api/conferences/hn%201/join-codes');
    expect(init?.headers).toEqual({ authorization: 'Bearer admin-token', 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ role: 'point', revokePrevious: true, pointId: 'bac-kan' });
  });

  it('uploads files as multipart without a JSON content type', async () => {
    let sent: RequestInit | undefined;
    const fetchFn: FetchFn = (_input, init) => {
      sent = init;
      return json(200, { points: [], warnings: [], stats: { rows: 0, points: 0, delegates: 0 } });
    };
    await organiserApi(new AdminApi('t', undefined, fetchFn)).parsePoints(new File(['x'], 'a.csv'));
    expect(sent?.body).toBeInstanceOf(FormData);
    expect((sent?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(sent?.headers).toEqual({ authorization: 'Bearer t' });
  });

  it('turns refusals into typed errors (with an import reason), 401 into a log out, no answer into NETWORK', async () => {
    const onUnauthorized = jest.fn();
    const api = (fetchFn: FetchFn) => new AdminApi('t', onUnauthorized, fetchFn);
    const refused = await api(() => json(422, { error: { code: 'INVALID', message: 'Không thấy cột', details: { reason: 'NO_COLUMNS' } } })).request(z.object({}), 'POST', '/x');
    expect(refused).toEqual({ ok: false, error: { code: 'INVALID', message: 'Không thấy cột', status: 422, reason: 'NO_COLUMNS' } });
    await api(() => json(401, { error: { code: 'UNAUTHORIZED', message: 'Cần mã quản trị' } })).request(z.object({}), 'GET', '/x');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(await api(() => Promise.reject(new TypeError('offline'))).request(z.object({}), 'GET', '/x')).toEqual({ ok: false, error: { code: 'NETWORK', message: '', status: 0 } });
    expect((await api(() => json(200, { nope: 1 })).request(z.object({ yes: z.number() }), 'GET', '/x')).ok).toBe(false);
  });
});
