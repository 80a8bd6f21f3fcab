import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import type { Store } from './client.ts';
import { createTableInput } from './table.ts';

/**
 * Makes the store's table match the design: creates it when missing, adds any index the design has and
 * the table lacks (an old DATA_DIR meets a newer design), and waits until all of it is active. For local
 * runs and tests; on AWS the CDK stack owns the table.
 * @example await ensureTable(store) // 'created' the first time, 'ready' after
 */
export async function ensureTable(store: Store): Promise<'created' | 'updated' | 'ready'> {
  const wanted = createTableInput(store.tableName);
  let existing = await describe(store);
  if (existing === null) {
    try {
      await store.db.send(new CreateTableCommand(wanted));
      await waitUntilActive(store);
      return 'created';
    } catch (error) {
      // Another process (a second test worker, a second server) created it first: fine.
      if (!(error instanceof ResourceInUseException)) throw error;
      existing = await waitUntilActive(store);
    }
  }
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (wanted.GlobalSecondaryIndexes ?? []).filter((index) => !present.has(index.IndexName));
  // DynamoDB adds one index per UpdateTable call.
  for (const index of missing) {
    await store.db.send(
      new UpdateTableCommand({
        TableName: store.tableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitUntilActive(store);
  }
  return missing.length > 0 ? 'updated' : 'ready';
}

async function describe(store: Store): Promise<TableDescription | null> {
  try {
    const { Table } = await store.db.send(new DescribeTableCommand({ TableName: store.tableName }));
    return Table ?? null;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return null;
    throw error;
  }
}

async function waitUntilActive(store: Store, timeoutMs = 60_000): Promise<TableDescription> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    const table = await describe(store);
    const active =
      table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (table && active) return table;
    if (Date.now() > deadline) throw new Error(`Table ${store.tableName} is not active after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
