import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from './schemas.ts';

let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  app = createTestApp(await createTestStore());
  for (const id of ['audit-a', 'audit-b']) {
    const created = await app.request('/api/tenants', {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify({ id, name: `Sở ${id}`, provinceName: `Tỉnh ${id}` }),
    });
    expect(created.status).toBe(201);
  }
  for (const [version, name] of [[1, 'Tên 2'], [2, 'Tên 3']] as const) {
    const renamed = await app.request('/api/tenants/audit-a', { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ version, name }) });
    expect(renamed.status).toBe(200);
  }
});

async function page(path: string) {
  const response = await app.request(`/api/tenants${path}`, { headers: adminHeaders });
  expect(response.status).toBe(200);
  return AuditEventPageSchema.parse(await response.json());
}

describe('GET /api/tenants/{tenantId}/audit-events', () => {
  it('lists the whole tenant’s changes newest first, and only that tenant’s', async () => {
    const { items } = await page('/audit-a/audit-events');
    const actions = items.map((e) => [e.action, e.entityVersion]);
    expect(actions.slice(0, 2)).toEqual([
      ['tenant.updated', 3],
      ['tenant.updated', 2],
    ]);
    // The tenant is created with the root of its unit tree, in one transaction: the two events may share an instant.
    expect(actions.slice(2).sort()).toEqual([
      ['tenant.created', 1],
      ['unit.created', 1],
    ]);
    expect(items.every((e) => e.tenantId === 'audit-a')).toBe(true);
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
  });

  it('lists one entity’s history, a page at a time', async () => {
    const first = await page('/audit-a/audit-events?entityType=tenant&entityId=audit-a&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(`/audit-a/audit-events?entityType=tenant&entityId=audit-a&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.action)).toEqual(['tenant.created']);
    expect(second.items[0]?.after).toMatchObject({ name: 'Sở audit-a' });
  });

  it('refuses a cursor of another tenant’s listing', async () => {
    const first = await page('/audit-a/audit-events?limit=1');
    const response = await app.request(`/api/tenants/audit-b/audit-events?limit=1&cursor=${first.nextCursor}`, { headers: adminHeaders });
    expect(response.status).toBe(400);
  });

  it('needs entityType and entityId together', async () => {
    const response = await app.request('/api/tenants/audit-a/audit-events?entityType=tenant', { headers: adminHeaders });
    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(await response.json()).error.details[0]?.messageEn).toBe('entityType and entityId go together');
  });

  it('refuses an entity id that holds the key separator instead of failing', async () => {
    const response = await app.request('/api/tenants/audit-a/audit-events?entityType=tenant&entityId=a%23b', { headers: adminHeaders });
    expect(response.status).toBe(400);
  });
});
