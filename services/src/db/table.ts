import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, as data: read by ensure-table (local), the tests, and infra/ (the CDK stack), so the
 * three cannot drift. Every attribute named here is a string. See DATA-MODEL.md for what goes in them.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  billingMode: 'PAY_PER_REQUEST',
  // Epoch seconds after which DynamoDB may delete an item: only short-lived working data carries it
  // (sign-in failure counters); readers ignore expired items, since deletion may lag by days.
  timeToLiveAttribute: 'ttl',
  globalSecondaryIndexes: [
    // Overloaded: tenant directory, audit by time, unit subtree by path, grants by unit, sets, campaigns.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    // Overloaded: children of a unit, criteria versions by status, submissions by status.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  ],
} as const;

export type IndexName = (typeof tableDesign.globalSecondaryIndexes)[number]['indexName'];

/** The CreateTable request for a table named `tableName` with this design. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const index of tableDesign.globalSecondaryIndexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: tableDesign.billingMode,
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: index.projection },
    })),
  };
}
