import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../auth/tenant-context.ts';
import { ConflictError, type EntityRef } from '../errors.ts';
import { type AuditEvent, auditEventItem } from './audit-event.ts';
import type { Store } from './client.ts';
import { type ItemKey, isTenantKey } from './keys.ts';

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

export type VersionedWrite = PutNew | UpdateIfVersion;

/** @example putNew({ type: 'tenant', id: 'hai-phong' }, { pk, sk, name }) */
export function putNew(entity: EntityRef, item: ItemKey & Record<string, unknown>): PutNew {
  return { kind: 'put-new', entity, item };
}

/** @example updateIfVersion(entity, { pk, sk }, 3, { name: 'Sở GDĐT Hải Phòng' }) */
export function updateIfVersion(entity: EntityRef, key: ItemKey, expectedVersion: number, set: Record<string, unknown>): UpdateIfVersion {
  return { kind: 'update-if-version', entity, key, expectedVersion, set };
}

// DynamoDB's limit on one TransactWriteItems call.
const MAX_ITEMS = 100;
const PROTECTED = new Set(['pk', 'sk', 'version']);
const CONFLICT_RETRIES = 3;

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
    ...writes.map((write) => (write.kind === 'put-new' ? putItem(store, write) : updateItem(store, write))),
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
      if (reasons.some((reason) => reason.Code === 'TransactionConflict') && attempt < CONFLICT_RETRIES) {
        await sleep(10 + Math.random() * 40 * (attempt + 1));
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
    if (write.kind === 'update-if-version') {
      const touched = Object.keys(write.set).filter((name) => PROTECTED.has(name));
      if (touched.length > 0) throw new TypeError(`An update cannot set ${touched.join(', ')}`);
    }
  }
  for (const event of events) {
    if (event.tenantId !== ctx.tenantId) throw new TypeError(`Audit event of tenant ${event.tenantId} in tenant ${ctx.tenantId}`);
  }
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
  return new ConflictError(write.entity, current, current === null ? 'missing' : 'stale');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
