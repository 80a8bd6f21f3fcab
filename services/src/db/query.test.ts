import { beforeAll, describe, expect, it } from 'vitest';
import { adminContext, testAdmin } from '../testing/test-app.ts';
import { createTestStore } from '../testing/test-store.ts';
import type { Store } from './client.ts';
import { tenantKey } from './keys.ts';
import { getTenantItem, queryPlatformPartition, queryTenantPartition } from './query.ts';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});

const ctx = adminContext('query-a');
const other = adminContext('query-b');
const page = { limit: 10, cursor: null };

describe('tenant-scoped reads', () => {
  it('refuse a key or partition of another tenant before asking DynamoDB', async () => {
    const foreign = tenantKey(other, 'PROFILE');
    await expect(getTenantItem(store, ctx, { pk: foreign, sk: 'PROFILE' })).rejects.toThrow(/outside tenant query-a/);
    await expect(queryTenantPartition(store, ctx, { partition: foreign, ...page })).rejects.toThrow(/outside tenant/);
  });

  it('read within the tenant', async () => {
    expect(await queryTenantPartition(store, ctx, { partition: tenantKey(ctx, 'AUDIT'), index: 'gsi1', ...page })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('let a system admin read only platform partitions without a tenant context', async () => {
    await expect(queryPlatformPartition(store, testAdmin(), { partition: tenantKey(ctx, 'PROFILE'), ...page })).rejects.toThrow(/platform/);
    expect((await queryPlatformPartition(store, testAdmin(), { partition: 'PLATFORM#TENANTS', index: 'gsi1', ...page })).items).toEqual([]);
  });
});
