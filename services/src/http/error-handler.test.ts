import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../routes.ts';
import { ConflictError } from '../errors.ts';
import { DatabaseBusyError } from '../db/transient.ts';
import { adminHeaders, createTestApp } from '../testing/test-app.ts';
import { createTestStore } from '../testing/test-store.ts';
import { publicAccess, systemAdminAccess } from './access.ts';
import { ErrorResponseSchema } from './errors.ts';
import { defineRoute } from './route.ts';

// Routes that exist only here, to reach each branch of the error handler.
const echo = defineRoute(
  {
    method: 'post',
    path: '/echo/:n',
    operationId: 'echo',
    summary: 'echo',
    tags: [],
    access: publicAccess,
    request: {
      params: z.object({ n: z.coerce.number().int() }),
      query: z.object({ mode: z.enum(['a', 'b']).optional() }),
      body: z.object({ name: z.string().min(1), items: z.array(z.object({ count: z.int() })) }),
    },
    responses: { 200: { description: 'the input' } },
  },
  ({ params, query, body }, c) => c.json({ params, query, body }, 200),
);
const boom = defineRoute(
  { method: 'get', path: '/boom', operationId: 'boom', summary: 'boom', tags: [], access: publicAccess, request: {}, responses: {} },
  () => {
    throw new Error('secret detail: table arn:aws:dynamodb:xyz');
  },
);
const stale = defineRoute(
  { method: 'get', path: '/stale', operationId: 'stale', summary: 's', tags: [], access: publicAccess, request: {}, responses: {} },
  () => {
    throw new ConflictError({ type: 'tenant', id: 'hai-phong' }, 7, 'stale');
  },
);
// What the AWS SDK throws once its own retries are spent on a throttled or failing call.
class ThrottlingException extends Error {
  override name = 'ThrottlingException';
  $metadata = { httpStatusCode: 400 };
}
const busy = defineRoute(
  { method: 'get', path: '/busy/:kind', operationId: 'busy', summary: 'b', tags: [], access: publicAccess, request: { params: z.object({ kind: z.string() }) }, responses: {} },
  ({ params }) => {
    if (params.kind === 'conflicts') throw new DatabaseBusyError(2, new Error('TransactionConflict'));
    if (params.kind === 'socket') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    throw new ThrottlingException('Rate exceeded');
  },
);
const guarded = defineRoute(
  {
    method: 'post',
    path: '/guarded',
    operationId: 'guarded',
    summary: 'g',
    tags: [],
    access: systemAdminAccess,
    request: { body: z.object({ x: z.string() }) },
    responses: {},
  },
  (_input, c) => c.json({}, 200),
);

let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  app = createTestApp(await createTestStore(), [...apiRoutes, echo, boom, stale, busy, guarded]);
});

const json = { 'content-type': 'application/json' };
async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

describe('the one error shape', () => {
  it('answers a malformed JSON body with 400 invalid-json, not 500', async () => {
    const response = await app.request('/api/echo/1', { method: 'POST', headers: json, body: '{"name": "a",' });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-json', details: [expect.objectContaining({ path: 'body' })] });
  });

  it('answers an empty body with 400 invalid-json', async () => {
    const response = await app.request('/api/echo/1', { method: 'POST', headers: json });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid-json');
  });

  it('lists every failed check with its path, across params, query and body, in Vietnamese and English', async () => {
    const response = await app.request('/api/echo/x?mode=c', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: '', items: [{ count: 1 }, { count: 'two' }] }),
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation-failed');
    expect(error.message).toBe('Dữ liệu gửi lên không hợp lệ');
    expect(error.details.map((d) => d.path)).toEqual(['params.n', 'query.mode', 'body.name', 'body.items[1].count']);
    expect(error.details[2]).toMatchObject({ message: expect.stringMatching(/^Quá nhỏ/), messageEn: expect.stringMatching(/^Too small/) });
  });

  it('passes the parsed, typed input to the handler when it is valid', async () => {
    const response = await app.request('/api/echo/42?mode=a', { method: 'POST', headers: json, body: JSON.stringify({ name: 'x', items: [] }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ params: { n: 42 }, query: { mode: 'a' }, body: { name: 'x', items: [] } });
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await app.request('/api/echo/1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=a' });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('unsupported-media-type');
  });

  it('answers a body over 1 MB with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1), items: [] });
    const response = await app.request('/api/echo/1', { method: 'POST', headers: json, body });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload-too-large');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    for (const path of ['/api/nothing-here', '/elsewhere']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: 'route-not-found', message: expect.stringContaining('Không có đường dẫn') });
    }
  });

  it('answers a ConflictError with 409 and the current version', async () => {
    const response = await app.request('/api/stale');
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'conflict', currentVersion: 7, message: expect.stringContaining('phiên bản hiện tại: 7') });
  });

  it('answers a busy or unreachable database with 503 and Retry-After, since nothing was written and a retry may pass', async () => {
    const warned: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      for (const [kind, retryAfter] of [['conflicts', '2'], ['throttled', '1'], ['socket', '1']] as const) {
        const response = await app.request(`/api/busy/${kind}`);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe(retryAfter);
        expect(await errorOf(response)).toMatchObject({ code: 'database-busy', message: expect.stringContaining('đang bận') });
      }
      expect(warned).toHaveLength(3);
    } finally {
      console.warn = original;
    }
  });

  it('answers an unexpected error with 500 that reveals nothing of it, and a request id to find it in the logs', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const response = await app.request('/api/boom');
      expect(response.status).toBe(500);
      const text = await response.clone().text();
      expect(text).not.toContain('secret');
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'internal-error', details: [] });
      expect(error.requestId).toBe(response.headers.get('x-request-id'));
      expect(JSON.stringify(logged)).toContain(error.requestId);
    } finally {
      console.error = original;
    }
  });

  it('answers a missing or wrong bearer token with 401 before looking at the input', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${adminHeaders.authorization.slice(7)}`]) {
      const headers: Record<string, string> = { ...json, ...(authorization && { authorization }) };
      const response = await app.request('/api/guarded', { method: 'POST', headers, body: '{not json' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
  });

  it('marks every answer as not cacheable', async () => {
    expect((await app.request('/api/nothing-here')).headers.get('cache-control')).toBe('no-store');
  });
});
