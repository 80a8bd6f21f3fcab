import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { embeddedAuthenticator, signAccessToken } from '../../auth/account-token.ts';
import { Caller } from '../../auth/caller.ts';
import type { Role } from '../../auth/roles.ts';
import type { Store } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { TEST_JWT_SECRET, adminContext } from '../../testing/test-app.ts';
import { accountRepository } from '../accounts/repository.ts';
import type { Account } from '../accounts/schemas.ts';
import { auditLog } from '../audit-events/repository.ts';
import { unitEntity, unitItem, unitRepository } from './repository.ts';
import type { StoredUnit, Unit } from './schemas.ts';

/** Test helpers of the units feature: requests as an account, reading the table back behind the API. */

export type Headers = Record<string, string>;

/** Calls the API of `app` as the account whose headers are given. */
export function requester(app: { request(path: string, init: RequestInit): Response | Promise<Response> }) {
  return (headers: Headers, method: string, path: string, body?: unknown): Promise<Response> =>
    Promise.resolve(app.request(`/api${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
}

export async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

/** The unit as stored, read behind the API (to check that a refused call changed nothing). */
export async function stored(store: Store, tenantId: string, unitId: string): Promise<StoredUnit | null> {
  return unitRepository(store).get(adminContext(tenantId), unitId);
}

/** The audit actions of a unit, oldest first. */
export async function actionsOf(store: Store, tenantId: string, unitId: string): Promise<string[]> {
  const page = await auditLog(store).forEntity(adminContext(tenantId), unitEntity(unitId), { limit: 100, cursor: null });
  return page.items.map((event) => event.action).reverse();
}

/** The Caller of an account, as a request would load it (for use cases called directly). */
export async function callerOf(store: Store, tenantId: string, accountId: string): Promise<Caller> {
  const { token } = await signAccessToken(TEST_JWT_SECRET, { tenantId, accountId });
  const identity = await embeddedAuthenticator(TEST_JWT_SECRET).verify(token);
  const caller = identity === null ? null : await Caller.load(store, identity);
  if (caller === null) throw new Error(`no caller for ${accountId}`);
  return caller;
}

/**
 * Adds units under `parent` as the repository stores them, in bulk (BatchWrite, no audit events): a
 * fixture for trees of hundreds of units, which one transaction each would take seconds to build.
 */
export async function addUnits(store: Store, tenantId: string, parent: Unit, specs: { name: string; kind: Unit['kind'] }[]): Promise<Unit[]> {
  const ctx = adminContext(tenantId);
  const now = new Date().toISOString();
  const units = specs.map((spec): Unit => {
    const id = newId();
    return { id, parentId: parent.id, name: spec.name, kind: spec.kind, code: null, path: `${parent.path}${id}/`, depth: parent.depth + 1, status: 'active', version: 1, createdAt: now, updatedAt: now };
  });
  for (let i = 0; i < units.length; i += 25) {
    const requests = units.slice(i, i + 25).map((unit) => ({ PutRequest: { Item: unitItem(ctx, unit) } }));
    let pending: BatchWriteCommandInput['RequestItems'] = { [store.tableName]: requests };
    while (pending !== undefined && Object.keys(pending).length > 0) {
      const result: BatchWriteCommandOutput = await store.db.send(new BatchWriteCommand({ RequestItems: pending }));
      pending = result.UnprocessedItems;
    }
  }
  return units;
}

/** Adds an account at home in `unit`, granted `role` there (or at the units of `grantsAt`). */
export async function addAccount(store: Store, tenantId: string, unit: Unit, role: Role, grantsAt: Unit[] = [unit]): Promise<Account> {
  const now = new Date().toISOString();
  const id = newId();
  const account: Account = {
    id,
    login: `tk-${id}`,
    email: null,
    name: `Tài khoản thử ${id}`,
    position: null,
    phone: null,
    homeUnitId: unit.id,
    homePath: unit.path,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return accountRepository(store).insert(adminContext(tenantId), { account, passwordHash: null, grants: grantsAt.map((at) => ({ unitId: at.id, role })) });
}
