import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type Store, createStore } from '../db/client.ts';
import { ensureTable } from '../db/ensure-table.ts';

/**
 * A fresh, empty table in the run's DynamoDB Local, with the real design: one per test file (or per
 * test that needs a clean slate), so files run in parallel without seeing each other's data.
 * @example const store = await createTestStore();
 */
export async function createTestStore(): Promise<Store> {
  const store = createStore({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoEndpoint') });
  await ensureTable(store);
  return store;
}
