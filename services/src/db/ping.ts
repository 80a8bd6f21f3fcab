import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Store } from './client.ts';

/**
 * True when the table answers within `timeoutMs`. DescribeTable (not a data read) costs no capacity
 * and also proves the table exists; on AWS the API's role needs dynamodb:DescribeTable.
 */
export async function isDatabaseReachable(store: Store, timeoutMs = 3_000): Promise<boolean> {
  try {
    await store.db.send(new DescribeTableCommand({ TableName: store.tableName }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
