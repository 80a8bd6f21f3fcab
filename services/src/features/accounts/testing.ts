import { expect } from 'vitest';
import type * as z from 'zod';
import { hashPassword } from '../../auth/password.ts';
import type { Role } from '../../auth/roles.ts';
import type { Store } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { adminContext, type createTestApp } from '../../testing/test-app.ts';
import type { Unit } from '../units/schemas.ts';
import { accountRepository } from './repository.ts';
import type { Account } from './schemas.ts';

/** A test's JSON call to the API: `call(headers, 'POST', '/accounts', body)`. */
export type Call = (headers: Record<string, string>, method: string, path: string, body?: unknown) => Promise<Response>;

/** The calls of the account tests against `app`. */
export function caller(app: ReturnType<typeof createTestApp>): Call {
  return (headers, method, path, body) =>
    Promise.resolve(app.request(`/api${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
}

/** The body of a successful answer, checked against its documented schema: nothing undocumented in it. */
export async function read<S extends z.ZodType>(response: Response, status: number, schema: S): Promise<z.output<S>> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}

/** The error of an answer, after checking its status. */
export async function errorOf(response: Response, status: number) {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  return ErrorResponseSchema.parse(body).error;
}

/** Cheap scrypt parameters: a hash made with them verifies in milliseconds, and sign-in reads them from the hash. */
export const CHEAP_SCRYPT = { logN: 10, r: 8, p: 1 };

/**
 * Seeds an account with a password straight through the repository (audited, as the API would), hashed
 * with CHEAP_SCRYPT, so tests that sign in many times stay quick.
 */
export async function seedAccount(
  store: Store,
  tenantId: string,
  spec: { login: string; email?: string | null; unit: Unit; role: Role; password: string },
): Promise<Account> {
  const at = new Date().toISOString();
  const account: Account = {
    id: newId(),
    login: spec.login,
    email: spec.email ?? null,
    name: 'Đỗ Thị Lan',
    position: null,
    phone: null,
    homeUnitId: spec.unit.id,
    homePath: spec.unit.path,
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const passwordHash = await hashPassword(spec.password, CHEAP_SCRYPT);
  return accountRepository(store).insert(adminContext(tenantId), { account, passwordHash, grants: [{ unitId: spec.unit.id, role: spec.role }] });
}
