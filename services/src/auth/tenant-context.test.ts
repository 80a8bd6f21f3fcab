import { describe, expect, expectTypeOf, it } from 'vitest';
import { createStore } from '../db/client.ts';
import { auditLog } from '../features/audit-events/repository.ts';
import { tenantRepository } from '../features/tenants/repository.ts';
import { SystemAdmin } from './system-admin.ts';
import { TenantContext } from './tenant-context.ts';

const token = 't'.repeat(40);
function admin(): SystemAdmin {
  const proof = SystemAdmin.authenticate(token, token);
  if (proof === null) throw new Error('expected the token to authenticate');
  return proof;
}

describe('TenantContext', () => {
  it('is made for a system admin, with the tenant key prefix and the actor for audit', () => {
    const ctx = TenantContext.forSystemAdmin(admin(), 'hai-phong');
    expect(ctx.tenantId).toBe('hai-phong');
    expect(ctx.keyPrefix).toBe('TENANT#hai-phong#');
    expect(ctx.actor).toEqual({ kind: 'system-admin' });
  });

  it('refuses an id that could break out of the tenant key prefix', () => {
    expect(() => TenantContext.forSystemAdmin(admin(), 'hai-phong#x')).toThrow(TypeError);
    expect(() => TenantContext.forSystemAdmin(admin(), '')).toThrow(TypeError);
  });

  it('cannot be forged from a look-alike object or made without a proof of authentication', () => {
    expectTypeOf<{ tenantId: string; actor: { kind: 'system-admin' }; keyPrefix: string }>().not.toExtend<TenantContext>();
    expectTypeOf<{ actor: { kind: 'system-admin' } }>().not.toExtend<SystemAdmin>();
    expectTypeOf(TenantContext.forSystemAdmin).parameter(0).toEqualTypeOf<SystemAdmin>();
  });

  it('is the first parameter of every repository function that reads or writes tenant data', () => {
    // Never called: the store only gives the repositories their types.
    const store = createStore({ tableName: 'unused', endpoint: 'http://127.0.0.1:9' });
    const tenants = tenantRepository(store);
    expectTypeOf(tenants.get).parameter(0).toEqualTypeOf<TenantContext>();
    expectTypeOf(tenants.insert).parameter(0).toEqualTypeOf<TenantContext>();
    expectTypeOf(tenants.update).parameter(0).toEqualTypeOf<TenantContext>();
    // The one cross-tenant read, the tenant directory, demands a system admin instead.
    expectTypeOf(tenants.list).parameter(0).toEqualTypeOf<SystemAdmin>();
    const log = auditLog(store);
    expectTypeOf(log.forEntity).parameter(0).toEqualTypeOf<TenantContext>();
    expectTypeOf(log.forTenant).parameter(0).toEqualTypeOf<TenantContext>();
  });
});

describe('SystemAdmin.authenticate', () => {
  it('accepts only the configured token', () => {
    expect(SystemAdmin.authenticate(token, token)).toBeInstanceOf(SystemAdmin);
    expect(SystemAdmin.authenticate(`${token}x`, token)).toBeNull();
    expect(SystemAdmin.authenticate(null, token)).toBeNull();
  });

  it('accepts nothing when no token is configured', () => {
    expect(SystemAdmin.authenticate(token, null)).toBeNull();
  });
});
