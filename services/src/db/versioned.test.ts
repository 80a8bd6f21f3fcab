import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type EntityRef } from '../errors.ts';
import { adminContext } from '../testing/test-app.ts';
import { createTestStore } from '../testing/test-store.ts';
import { type AuditDraft, auditEvent } from './audit-event.ts';
import type { Store } from './client.ts';
import { tenantKey } from './keys.ts';
import { commit, putNew, updateIfVersion } from './versioned.ts';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});

const ctx = adminContext('versioned');
let counter = 0;
/** A fresh entity and its item key, so tests do not share items. */
function fresh(): { entity: EntityRef; key: { pk: string; sk: string } } {
  counter += 1;
  const id = `item-${counter}`;
  return { entity: { type: 'tenant', id }, key: { pk: tenantKey(ctx, 'THING', id), sk: 'THING' } };
}
const draft = (entity: EntityRef, entityVersion: number): AuditDraft => ({
  action: 'thing.changed',
  entity,
  entityVersion,
  before: null,
  after: { n: entityVersion },
});

async function read(key: { pk: string; sk: string }) {
  return (await store.db.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }))).Item;
}
async function eventsOf(entity: EntityRef) {
  const { Items } = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': tenantKey(ctx, 'AUDIT', entity.type, entity.id) },
    }),
  );
  return Items ?? [];
}
async function conflictOf(promise: Promise<unknown>): Promise<ConflictError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ConflictError)) throw new Error(`expected a ConflictError, got ${String(error)}`);
  return error;
}

describe('commit: versioned writes with their audit events', () => {
  it('creates an item at version 1 together with its audit event', async () => {
    const { entity, key } = fresh();
    await commit(store, ctx, [putNew(entity, { ...key, name: 'a' })], [auditEvent(ctx, draft(entity, 1))]);
    expect(await read(key)).toMatchObject({ name: 'a', version: 1 });
    expect(await eventsOf(entity)).toEqual([expect.objectContaining({ action: 'thing.changed', entityVersion: 1, actor: { kind: 'system-admin' } })]);
  });

  it('refuses to create an item that exists, with its current version, and audits nothing', async () => {
    const { entity, key } = fresh();
    await commit(store, ctx, [putNew(entity, { ...key, name: 'a' })], [auditEvent(ctx, draft(entity, 1))]);
    await commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'b' })], [auditEvent(ctx, draft(entity, 2))]);
    const error = await conflictOf(commit(store, ctx, [putNew(entity, { ...key, name: 'c' })], [auditEvent(ctx, draft(entity, 1))]));
    expect(error).toMatchObject({ code: 'already-exists', reason: 'exists', currentVersion: 2 });
    expect(await read(key)).toMatchObject({ name: 'b', version: 2 });
    expect(await eventsOf(entity)).toHaveLength(2);
  });

  it('updates only from the stored version, and increments it', async () => {
    const { entity, key } = fresh();
    await commit(store, ctx, [putNew(entity, { ...key, name: 'a' })], [auditEvent(ctx, draft(entity, 1))]);
    await commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'b' })], [auditEvent(ctx, draft(entity, 2))]);
    expect(await read(key)).toMatchObject({ name: 'b', version: 2 });
  });

  it('refuses a stale update with the current version, leaving item and audit log untouched', async () => {
    const { entity, key } = fresh();
    await commit(store, ctx, [putNew(entity, { ...key, name: 'a' })], [auditEvent(ctx, draft(entity, 1))]);
    await commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'b' })], [auditEvent(ctx, draft(entity, 2))]);
    const error = await conflictOf(commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'stale' })], [auditEvent(ctx, draft(entity, 2))]));
    expect(error).toMatchObject({ code: 'conflict', reason: 'stale', currentVersion: 2 });
    expect(await read(key)).toMatchObject({ name: 'b', version: 2 });
    expect(await eventsOf(entity)).toHaveLength(2);
  });

  it('refuses to update an item that does not exist (current version null) instead of creating it', async () => {
    const { entity, key } = fresh();
    const error = await conflictOf(commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'x' })], [auditEvent(ctx, draft(entity, 2))]));
    expect(error).toMatchObject({ reason: 'missing', currentVersion: null });
    expect(await read(key)).toBeUndefined();
  });

  it('lets exactly one of many concurrent updates from the same version win, and audits only that one', async () => {
    const { entity, key } = fresh();
    await commit(store, ctx, [putNew(entity, { ...key, name: 'start' })], [auditEvent(ctx, draft(entity, 1))]);
    const names = Array.from({ length: 8 }, (_, i) => `writer-${i}`);
    const results = await Promise.allSettled(
      names.map((name) => commit(store, ctx, [updateIfVersion(entity, key, 1, { name })], [auditEvent(ctx, draft(entity, 2))])),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toMatchObject({ name: 'ConflictError', currentVersion: 2 });
    const stored = await read(key);
    expect(stored).toMatchObject({ version: 2 });
    expect(names).toContain(stored?.name);
    expect(await eventsOf(entity)).toHaveLength(2);
  });

  it('writes nothing when the audit event cannot be written: change and event are one transaction', async () => {
    const { entity, key } = fresh();
    const stamp = { at: '2025-01-01T00:00:00.000Z', id: 'fixed' };
    await commit(store, ctx, [putNew(entity, { ...key, name: 'a' })], [auditEvent(ctx, draft(entity, 1), stamp)]);
    // Same event id and time: the event's own put-if-absent fails, so the update must not land either.
    await expect(
      commit(store, ctx, [updateIfVersion(entity, key, 1, { name: 'b' })], [auditEvent(ctx, draft(entity, 2), stamp)]),
    ).rejects.toThrow();
    expect(await read(key)).toMatchObject({ name: 'a', version: 1 });
  });

  it('commits several items at once or none of them', async () => {
    const first = fresh();
    const second = fresh();
    await commit(store, ctx, [putNew(second.entity, { ...second.key, name: 'there' })], [auditEvent(ctx, draft(second.entity, 1))]);
    const error = await conflictOf(
      commit(
        store,
        ctx,
        [putNew(first.entity, { ...first.key, name: 'new' }), putNew(second.entity, { ...second.key, name: 'again' })],
        [auditEvent(ctx, draft(first.entity, 1)), auditEvent(ctx, draft(second.entity, 1))],
      ),
    );
    expect(error.entity).toEqual(second.entity);
    expect(await read(first.key)).toBeUndefined();
    expect(await eventsOf(first.entity)).toHaveLength(0);
  });

  it('refuses, before sending anything, a change without an audit event or a key of another tenant', async () => {
    const { entity, key } = fresh();
    await expect(commit(store, ctx, [putNew(entity, { ...key })], [])).rejects.toThrow(/audit event/);
    const other = adminContext('other');
    const foreign = { pk: tenantKey(other, 'THING', 'x'), sk: 'THING' };
    await expect(commit(store, ctx, [putNew(entity, foreign)], [auditEvent(ctx, draft(entity, 1))])).rejects.toThrow(/outside tenant/);
    await expect(commit(store, ctx, [updateIfVersion(entity, key, 1, { version: 9 })], [auditEvent(ctx, draft(entity, 2))])).rejects.toThrow(
      /cannot set version/,
    );
    expect(await read(foreign)).toBeUndefined();
  });
});
