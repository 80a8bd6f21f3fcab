import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The table every repository reads and writes, and the client that reaches it. */
export interface Store {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface StoreOptions {
  tableName: string;
  /** Null on AWS (the SDK finds the endpoint, region and credentials itself); a URL for DynamoDB Local. */
  endpoint: string | null;
}

/**
 * Makes the DynamoDB client for a table. A local endpoint gets region `local` and dummy credentials,
 * since DynamoDB Local checks neither (it runs with -sharedDb, so any credentials see the same data).
 * @example createStore({ tableName: 'chiso', endpoint: 'http://127.0.0.1:8000' })
 */
export function createStore({ tableName, endpoint }: StoreOptions): Store {
  const client = new DynamoDBClient(
    endpoint === null
      ? { requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 } }
      : {
          endpoint,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          // A dead local endpoint should fail fast (health answers 503), not hang in retries.
          maxAttempts: 2,
          requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000 },
        },
  );
  const db = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { db, tableName };
}
