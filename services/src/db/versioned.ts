import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../auth/tenant-context.ts';
import { ConflictError, type EntityRef } from '../errors.ts';
import { type AuditEvent, auditEventItem } from './audit-event.ts';
import type { Store } from './client.ts';
import { type ItemKey, isTenantKey } from './keys.ts';
import { DatabaseBusyError } from './transient.ts';

/** Creates an item that must not exist yet; it is stored with version 1. */
export interface PutNew {
  kind: 'put-new';
  entity: EntityRef;
  item: ItemKey & Record<string, unknown>;
}

/** Changes an item only if its stored version is `expectedVersion`; the version becomes expectedVersion + 1. */
export interface UpdateIfVersion {
  kind: 'update-if-version';
  entity: EntityRef;
  key: ItemKey;
  expectedVersion: number;
  set: Record<string, unknown>;
}

/** Writes nothing, but the transaction fails unless the item is still at `expectedVersion` (e.g. a parent unit still active). */
export interface CheckVersion {
  kind: 'check-version';
  entity: EntityRef;
  key: ItemKey;
  expectedVersion: number;
}

/** Deletes an item only if its stored version is `expectedVersion` (a revoked grant). */
export interface DeleteIfVersion {
  kind: 'delete-if-version';
  entity: EntityRef;
  key: ItemKey;
  expectedVersion: number;
}

/**
 * Rewrites derived fields that copy another entity's data (a unit's path on its descendants and on
 * accounts, after a move) on condition that they still hold the `expected` values. The version is left
 * alone: nothing the item's own editors set has changed, so their next write must not fail for it.
 */
export interface Reindex {
  kind: 'reindex';
  entity: EntityRef;
  key: ItemKey;
  expected: Record<string, string>;
  set: Record<string, unknown>;
}

export type VersionedWrite = PutNew | UpdateIfVersion | CheckVersion | DeleteIfVersion | Reindex;

/** @example putNew({ type: 'tenant', id: 'hai-phong' }, { pk, sk, name }) */
export function putNew(entity: EntityRef, item: ItemKey & Record<string, unknown>): PutNew {
  return { kind: 'put-new', entity, item };
}

/** @example updateIfVersion(entity, { pk, sk }, 3, { name: 'Sở GDĐT Hải Phòng' }) */
export function updateIfVersion(entity: EntityRef, key: ItemKey, expectedVersion: number, set: Record<string, unknown>): UpdateIfVersion {
  return { kind: 'update-if-version', entity, key, expectedVersion, set };
}

/** @example checkVersion({ type: 'unit', id: parent.id }, unitKey(ctx, parent.id), parent.version) */
export function checkVersion(entity: EntityRef, key: ItemKey, expectedVersion: number): CheckVersion {
  return { kind: 'check-version', entity, key, expectedVersion };
}

/** @example deleteIfVersion({ type: 'grant', id }, { pk, sk }, 1) */
export function deleteIfVersion(entity: EntityRef, key: ItemKey, expectedVersion: number): DeleteIfVersion {
  return { kind: 'delete-if-version', entity, key, expectedVersion };
}

/** @example reindex(entity, key, { path: 'a/b/' }, { path: 'a/c/b/', gsi1sk: 'PATH#a/c/b/' }) */
export function reindex(entity: EntityRef, key: ItemKey, expected: Record<string, string>, set: Record<string, unknown>): Reindex {
  return { kind: 'reindex', entity, key, expected, set };
}

// DynamoDB's limit on one TransactWriteItems call.
const MAX_ITEMS = 100;
const PROTECTED = new Set(['pk', 'sk', 'version']);
// Transactions on one item cancel each other; retried with full-jitter exponential backoff (about 2.5 s in
// all at most) before the caller is told to come back (503), never a 500.
const CONFLICT_RETRIES = 8;
const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 800;

function backoff(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * Writes `writes` and their audit `events` in ONE transaction: all land or none does. A write whose
 * condition fails (item exists, stale version, item gone) raises a ConflictError carrying the version
 * now stored. Concurrent transactions on the same item can cancel each other ("TransactionConflict"):
 * those are retried, and the version conditions still guarantee that at most one of them wins.
 * @example await commit(store, ctx, [updateIfVersion(entity, key, 3, { name })], [auditEvent(ctx, draft)])
 */
export async function commit(store: Store, ctx: TenantContext, writes: VersionedWrite[], events: AuditEvent[]): Promise<void> {
  checkTransaction(ctx, writes, events);
  const items = [
    ...writes.map((write) => transactItem(store, write)),
    ...events.map((event) => ({
      Put: { TableName: store.tableName, Item: auditEventItem(ctx, event), ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      const write = writes[failed];
      if (write !== undefined) throw await conflictFor(store, write);
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
        if (attempt >= CONFLICT_RETRIES) throw new DatabaseBusyError(1, error);
        await sleep(backoff(attempt));
        continue;
      }
      // An audit event's own condition failed (an id clash) or DynamoDB refused for another reason.
      throw error;
    }
  }
}

/** Programming errors, caught before anything is sent: they must never reach the table. */
function checkTransaction(ctx: TenantContext, writes: VersionedWrite[], events: AuditEvent[]): void {
  if (writes.length === 0) throw new TypeError('A transaction needs at least one write');
  if (events.length === 0) throw new TypeError('Every state change needs its audit event');
  if (writes.length + events.length > MAX_ITEMS) throw new RangeError(`A transaction holds at most ${MAX_ITEMS} items`);
  for (const write of writes) {
    const key = write.kind === 'put-new' ? write.item : write.key;
    if (!isTenantKey(ctx, key.pk)) throw new TypeError(`Key ${key.pk} is outside tenant ${ctx.tenantId}`);
    if (write.kind === 'update-if-version' || write.kind === 'reindex') {
      const touched = Object.keys(write.set).filter((name) => PROTECTED.has(name));
      if (touched.length > 0) throw new TypeError(`An update cannot set ${touched.join(', ')}`);
    }
    if (write.kind === 'reindex' && Object.keys(write.expected).length === 0) throw new TypeError('A reindex needs its expected values');
  }
  if (writes.every((write) => write.kind === 'check-version')) throw new TypeError('A transaction needs at least one write');
  for (const event of events) {
    if (event.tenantId !== ctx.tenantId) throw new TypeError(`Audit event of tenant ${event.tenantId} in tenant ${ctx.tenantId}`);
  }
}

function transactItem(store: Store, write: VersionedWrite) {
  switch (write.kind) {
    case 'put-new':
      return putItem(store, write);
    case 'update-if-version':
      return updateItem(store, write);
    case 'check-version':
      return {
        ConditionCheck: {
          TableName: store.tableName,
          Key: { pk: write.key.pk, sk: write.key.sk },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': write.expectedVersion },
        },
      };
    case 'delete-if-version':
      return {
        Delete: {
          TableName: store.tableName,
          Key: { pk: write.key.pk, sk: write.key.sk },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': write.expectedVersion },
        },
      };
    case 'reindex':
      return reindexItem(store, write);
  }
}

function reindexItem(store: Store, write: Reindex) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions = Object.entries(write.expected).map(([name, value], i) => {
    names[`#e${i}`] = name;
    values[`:e${i}`] = value;
    return `#e${i} = :e${i}`;
  });
  const assignments = Object.entries(write.set).map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = value;
    return `#a${i} = :a${i}`;
  });
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: write.key.pk, sk: write.key.sk },
      ConditionExpression: conditions.join(' AND '),
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function putItem(store: Store, write: PutNew) {
  return {
    Put: { TableName: store.tableName, Item: { ...write.item, version: 1 }, ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

function updateItem(store: Store, write: UpdateIfVersion) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': write.expectedVersion, ':next': write.expectedVersion + 1 };
  const assignments = Object.entries(write.set).map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = value;
    return `#a${i} = :a${i}`;
  });
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: write.key.pk, sk: write.key.sk },
      // A missing item has no version, so the condition also refuses to create one by accident.
      ConditionExpression: '#version = :expected',
      UpdateExpression: `SET ${[...assignments, '#version = :next'].join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

async function conflictFor(store: Store, write: VersionedWrite): Promise<ConflictError> {
  const key = write.kind === 'put-new' ? { pk: write.item.pk, sk: write.item.sk } : write.key;
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
  const current = typeof Item?.version === 'number' ? Item.version : null;
  if (write.kind === 'put-new') return new ConflictError(write.entity, current, 'exists');
  // A reindex fails when the copy changed under it (a concurrent move): the caller re-reads.
  if (write.kind === 'reindex') return new ConflictError(write.entity, current, current === null ? 'missing' : 'stale');
  return new ConflictError(write.entity, current, current === null ? 'missing' : 'stale');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
