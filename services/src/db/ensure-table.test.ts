import { DeleteTableCommand, DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTestStore } from '../testing/test-store.ts';
import { ensureTable } from './ensure-table.ts';
import { tableDesign } from './table.ts';

describe('ensureTable', () => {
  it('creates the table with the designed keys and indexes, then leaves it be', async () => {
    const store = await createTestStore(); // already ensured once
    expect(await ensureTable(store)).toBe('ready');
    const { Table } = await store.db.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual([tableDesign.partitionKey, tableDesign.sortKey]);
    expect(Table?.BillingModeSummary?.BillingMode ?? 'PAY_PER_REQUEST').toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    await store.db.send(new DeleteTableCommand({ TableName: store.tableName }));
    expect(await ensureTable(store)).toBe('created');
  });

  it('adds an index the design has and an older table lacks', async () => {
    const store = await createTestStore();
    await store.db.send(new UpdateTableCommand({ TableName: store.tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'gsi2' } }] }));
    // The index lingers as DELETING for a moment, as on AWS.
    await expect.poll(async () => (await indexNames()).includes('gsi2'), { timeout: 10_000, interval: 100 }).toBe(false);
    expect(await ensureTable(store)).toBe('updated');
    expect(await indexNames()).toEqual(['gsi1', 'gsi2']);

    async function indexNames(): Promise<string[]> {
      const { Table } = await store.db.send(new DescribeTableCommand({ TableName: store.tableName }));
      return (Table?.GlobalSecondaryIndexes ?? []).flatMap((index) => index.IndexName ?? []).sort();
    }
  });
});
