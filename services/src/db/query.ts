import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SystemAdmin } from '../auth/system-admin.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, type PageKey } from './cursor.ts';
import { type ItemKey, isTenantKey } from './keys.ts';
import { type IndexName, tableDesign } from './table.ts';

/** One page of a listing and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PartitionQuery {
  /** Omitted: the base table. */
  index?: IndexName;
  partition: string;
  sortBeginsWith?: string;
  newestFirst?: boolean;
  /** Leaves out items whose sort key begins with this (applied after `limit`, so a page may come up short). */
  excludeSortPrefix?: string;
  /** A strongly consistent read (base table only): for reads that decide access. */
  consistent?: boolean;
  limit: number;
  cursor: string | null;
}

/**
 * Reads one item of the tenant of `ctx`, strongly consistent (a read before a versioned write must see
 * the latest version). Refuses a key of another tenant.
 */
export async function getTenantItem(store: Store, ctx: TenantContext, key: ItemKey): Promise<Record<string, unknown> | null> {
  assertInTenant(ctx, key.pk);
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
  return Item ?? null;
}

/** Reads one page of a partition of the tenant of `ctx`. Refuses a partition of another tenant. */
export async function queryTenantPartition(store: Store, ctx: TenantContext, query: PartitionQuery): Promise<Page<Record<string, unknown>>> {
  assertInTenant(ctx, query.partition);
  return queryPartition(store, query);
}

/**
 * Reads one page of a platform partition (`PLATFORM#…`, e.g. the tenant directory): data about
 * tenants rather than of one, so it takes a SystemAdmin instead of a TenantContext.
 */
export async function queryPlatformPartition(store: Store, _admin: SystemAdmin, query: PartitionQuery): Promise<Page<Record<string, unknown>>> {
  if (!query.partition.startsWith('PLATFORM#')) throw new TypeError(`Not a platform partition: ${query.partition}`);
  return queryPartition(store, query);
}

/**
 * The account items linked to one Cognito user (gsi2 `PLATFORM#COGNITO#<sub>`): the Cognito
 * authenticator's read, made from a verified token before any tenant is known. Only such a partition
 * is accepted, and at most `limit` items come back (a link is meant to be unique; two say it is not).
 */
export async function queryCognitoLinks(store: Store, partition: string, limit = 2): Promise<Record<string, unknown>[]> {
  if (!/^PLATFORM#COGNITO#[^#]+$/.test(partition)) throw new TypeError(`Not a Cognito link partition: ${partition}`);
  return (await queryPartition(store, { index: 'gsi2', partition, limit, cursor: null })).items;
}

// Not exported: every caller must go through one of the guarded doors above.
async function queryPartition(store: Store, query: PartitionQuery): Promise<Page<Record<string, unknown>>> {
  const keys = keyAttributes(query.index);
  const names: Record<string, string> = { '#p': keys.partition };
  const values: Record<string, unknown> = { ':p': query.partition };
  let condition = '#p = :p';
  if (query.sortBeginsWith !== undefined) {
    names['#s'] = keys.sort;
    values[':s'] = query.sortBeginsWith;
    condition += ' AND begins_with(#s, :s)';
  }
  let filter: string | undefined;
  if (query.excludeSortPrefix !== undefined) {
    names['#x'] = keys.sort;
    values[':x'] = query.excludeSortPrefix;
    filter = 'NOT begins_with(#x, :x)';
  }
  const startKey: PageKey | undefined =
    query.cursor === null
      ? undefined
      : decodeCursor(query.cursor, { attributes: keys.all, partitionAttribute: keys.partition, partition: query.partition });
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: query.index,
      KeyConditionExpression: condition,
      FilterExpression: filter,
      ConsistentRead: query.consistent === true && query.index === undefined ? true : undefined,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !query.newestFirst,
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const last = result.LastEvaluatedKey;
  return {
    items: result.Items ?? [],
    nextCursor: last === undefined ? null : encodeCursor(Object.fromEntries(Object.entries(last).map(([k, v]) => [k, String(v)]))),
  };
}

function keyAttributes(index: IndexName | undefined): { partition: string; sort: string; all: string[] } {
  const base = [tableDesign.partitionKey, tableDesign.sortKey];
  if (index === undefined) return { partition: tableDesign.partitionKey, sort: tableDesign.sortKey, all: base };
  const gsi = tableDesign.globalSecondaryIndexes.find((candidate) => candidate.indexName === index);
  if (gsi === undefined) throw new TypeError(`Unknown index ${index}`);
  // A GSI's LastEvaluatedKey holds the index key and the table key.
  return { partition: gsi.partitionKey, sort: gsi.sortKey, all: [gsi.partitionKey, gsi.sortKey, ...base] };
}

function assertInTenant(ctx: TenantContext, key: string): void {
  if (!isTenantKey(ctx, key)) throw new TypeError(`Key ${key} is outside tenant ${ctx.tenantId}`);
}
