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
          // A dead local endpoint refuses connections at once, so health still answers 503 fast; a busy one
          // (DynamoDB Local's Java server under 200 schools autosaving) can take seconds to accept a new
          // socket, which a 1 s connect timeout turned into 500s. Kept-alive sockets avoid most connects.
          maxAttempts: 3,
          requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000, httpAgent: { keepAlive: true, maxSockets: 64 } },
        },
  );
  const db = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { db, tableName };
}
