import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { TenantPageSchema, TenantSchema } from './schemas.ts';

let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  app = createTestApp(await createTestStore());
});

const haiPhong = { id: 'hai-phong', name: 'Sở Giáo dục và Đào tạo Hải Phòng', provinceName: 'Thành phố Hải Phòng' };

function call(method: string, path: string, body?: unknown) {
  return app.request(`/api${path}`, { method, headers: adminHeaders, ...(body !== undefined && { body: JSON.stringify(body) }) });
}
async function create(tenant: { id: string; name: string; provinceName: string }) {
  const response = await call('POST', '/tenants', tenant);
  expect(response.status).toBe(201);
  return TenantSchema.parse(await response.json());
}
async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}
async function history(id: string) {
  const response = await call('GET', `/tenants/${id}/audit-events?entityType=tenant&entityId=${id}`);
  expect(response.status).toBe(200);
  return AuditEventPageSchema.parse(await response.json()).items;
}

describe('tenants', () => {
  it('creates a province as a tenant at version 1, and audits it', async () => {
    const response = await call('POST', '/tenants', haiPhong);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/tenants/hai-phong');
    const tenant = TenantSchema.parse(await response.json());
    expect(tenant).toMatchObject({ ...haiPhong, status: 'active', version: 1 });
    expect(await history('hai-phong')).toEqual([
      expect.objectContaining({ action: 'tenant.created', actor: { kind: 'system-admin' }, entityVersion: 1, before: null, after: expect.objectContaining(haiPhong) }),
    ]);
  });

  it('reads a tenant back as it was created', async () => {
    const created = await create({ id: 'ha-noi', name: 'Sở Giáo dục và Đào tạo Hà Nội', provinceName: 'Thành phố Hà Nội' });
    const response = await call('GET', '/tenants/ha-noi');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(created);
  });

  it('answers 404 in the error shape for a tenant that does not exist', async () => {
    const response = await call('GET', '/tenants/khong-co');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'not-found', message: 'Không tìm thấy Sở GDĐT (tenant) “khong-co”' });
  });

  it('refuses a second tenant with the same id (409 already-exists) and keeps the first', async () => {
    await create({ id: 'da-nang', name: 'Sở Giáo dục và Đào tạo Đà Nẵng', provinceName: 'Thành phố Đà Nẵng' });
    const response = await call('POST', '/tenants', { id: 'da-nang', name: 'Một Sở khác', provinceName: 'Khác' });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'already-exists', currentVersion: 1 });
    expect(await (await call('GET', '/tenants/da-nang')).json()).toMatchObject({ name: 'Sở Giáo dục và Đào tạo Đà Nẵng' });
    expect(await history('da-nang')).toHaveLength(1);
  });

  it('refuses an invalid tenant with every problem and its path', async () => {
    const response = await call('POST', '/tenants', { id: 'Hải Phòng', name: 'x', extra: true });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.details.map((d) => d.path).sort()).toEqual(['body', 'body.id', 'body.name', 'body.provinceName']);
  });

  it('stores names in Unicode NFC, however the keyboard composed the diacritics', async () => {
    const decomposed = 'Sở Giáo dục và Đào tạo Quảng Ninh'.normalize('NFD');
    const tenant = await create({ id: 'quang-ninh', name: `  ${decomposed} `, provinceName: 'Tỉnh Quảng Ninh' });
    expect(tenant.name).toBe('Sở Giáo dục và Đào tạo Quảng Ninh'.normalize('NFC'));
  });

  it('lists tenants by id, a page at a time', async () => {
    for (const id of ['list-a', 'list-b', 'list-c']) await create({ id, name: `Sở ${id}`, provinceName: `Tỉnh ${id}` });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
      const response = await call('GET', `/tenants${query}`);
      expect(response.status).toBe(200);
      const page = TenantPageSchema.parse(await response.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      ids.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c', 'hai-phong']));
  });

  it('refuses a page cursor it did not make with 400', async () => {
    const response = await call('GET', '/tenants?cursor=eyJwayI6IngifQ');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details[0]).toMatchObject({ path: 'query.cursor', code: 'invalid-cursor' });
  });

  it('refuses every tenant route without the system-admin token', async () => {
    for (const [method, path] of [['GET', '/api/tenants'], ['GET', '/api/tenants/hai-phong'], ['POST', '/api/tenants'], ['PATCH', '/api/tenants/hai-phong']] as const) {
      const response = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(response.status).toBe(401);
    }
  });
});

describe('renaming a tenant', () => {
  it('renames from the current version, bumps it, and audits the changed fields before → after', async () => {
    await create({ id: 'rename-ok', name: 'Sở GDĐT cũ', provinceName: 'Tỉnh A' });
    const response = await call('PATCH', '/tenants/rename-ok', { version: 1, name: 'Sở GDĐT mới' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Sở GDĐT mới', provinceName: 'Tỉnh A', version: 2 });
    const [latest] = await history('rename-ok');
    expect(latest).toMatchObject({ action: 'tenant.updated', entityVersion: 2, before: { name: 'Sở GDĐT cũ' }, after: { name: 'Sở GDĐT mới' } });
  });

  it('refuses a stale version with 409 and the current version, and changes nothing', async () => {
    await create({ id: 'rename-stale', name: 'Tên 1', provinceName: 'Tỉnh B' });
    expect((await call('PATCH', '/tenants/rename-stale', { version: 1, name: 'Tên 2' })).status).toBe(200);
    const response = await call('PATCH', '/tenants/rename-stale', { version: 1, name: 'Tên 3' });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect(await (await call('GET', '/tenants/rename-stale')).json()).toMatchObject({ name: 'Tên 2', version: 2 });
    expect(await history('rename-stale')).toHaveLength(2);
  });

  it('lets exactly one of two concurrent renames of the same version win; the other gets 409, nothing is lost', async () => {
    await create({ id: 'rename-race', name: 'Tên gốc', provinceName: 'Tỉnh C' });
    const [first, second] = await Promise.all([
      call('PATCH', '/tenants/rename-race', { version: 1, name: 'Tên của người thứ nhất' }),
      call('PATCH', '/tenants/rename-race', { version: 1, name: 'Tên của người thứ hai' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const won = TenantSchema.parse(await winner.json());
    expect(await errorOf(loser)).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect(await (await call('GET', '/tenants/rename-race')).json()).toEqual(won);
    const events = await history('rename-race');
    expect(events.map((e) => e.action)).toEqual(['tenant.updated', 'tenant.created']);
    expect(events[0]?.after).toEqual({ name: won.name });
  });

  it('writes nothing and audits nothing when the change changes nothing', async () => {
    await create({ id: 'rename-same', name: 'Tên', provinceName: 'Tỉnh D' });
    const response = await call('PATCH', '/tenants/rename-same', { version: 1, name: 'Tên' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: 1 });
    expect(await history('rename-same')).toHaveLength(1);
  });

  it('needs the version and at least one field, and nothing else', async () => {
    await create({ id: 'rename-bad', name: 'Tên', provinceName: 'Tỉnh E' });
    const noVersion = await errorOf(await call('PATCH', '/tenants/rename-bad', { name: 'Mới' }));
    expect(noVersion.details.map((d) => d.path)).toEqual(['body.version']);
    const nothing = await errorOf(await call('PATCH', '/tenants/rename-bad', { version: 1 }));
    expect(nothing.details).toEqual([
      expect.objectContaining({ path: 'body', message: 'Cần ít nhất một trường để sửa: name hoặc provinceName' }),
    ]);
    const unknown = await errorOf(await call('PATCH', '/tenants/rename-bad', { version: 1, name: 'Mới', status: 'closed' }));
    expect(unknown.details[0]?.code).toBe('unrecognized_keys');
  });

  it('answers 404 for renaming a tenant that does not exist', async () => {
    expect((await call('PATCH', '/tenants/khong-co', { version: 1, name: 'Tên' })).status).toBe(404);
  });
});
