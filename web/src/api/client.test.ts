import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './client.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client', () => {
  it('sends the bearer token and the JSON body, and returns the parsed answer', async () => {
    const send = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { items: [] }));
    const api = createApiClient({ token: () => 'tok', fetch: send });
    await expect(api.campaigns()).resolves.toEqual({ items: [] });
    await api.patchSubmission('c1', 'u/1', { version: 3, awards: { '1.3a': 5 } });
    const [url, init] = send.mock.calls[1] ?? [];
    expect(url).toBe('/api/campaigns/c1/submissions/u%2F1');
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3, awards: { '1.3a': 5 } });
  });

  it('reads the one error shape: Vietnamese message, English twin, field details and the current version', async () => {
    const body = {
      error: {
        code: 'version-conflict',
        message: 'Hồ sơ đã bị người khác thay đổi',
        messageEn: 'Someone else changed the submission',
        details: [{ path: 'body.version', code: 'stale', message: 'Phiên bản cũ', messageEn: 'Stale version' }],
        currentVersion: 7,
      },
    };
    const api = createApiClient({ token: () => null, fetch: async () => json(409, body) });
    const error = await api.submission('c', 'u').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'version-conflict', messageVi: 'Hồ sơ đã bị người khác thay đổi', currentVersion: 7 });
    expect(error).toMatchObject({ details: [{ path: 'body.version', message: 'Phiên bản cũ' }] });
  });

  it('turns a body that is not the API shape into a clear error naming the status', async () => {
    const api = createApiClient({ token: () => null, fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'http-502', messageVi: expect.stringContaining('502') });
  });

  it('reports an unreachable server as offline, so it can be retried', async () => {
    const api = createApiClient({ token: () => null, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    const error = await api.me().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'offline', offline: true });
  });

  it('tells the app when the session is no longer accepted', async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: 'unauthenticated', message: 'Phiên đăng nhập đã hết hạn', messageEn: 'The session expired', details: [] } };
    const api = createApiClient({ token: () => 'old', fetch: async () => json(401, body), onUnauthorized });
    await expect(api.me()).rejects.toMatchObject({ status: 401, messageVi: 'Phiên đăng nhập đã hết hạn' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
