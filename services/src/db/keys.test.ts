import { describe, expect, it } from 'vitest';
import { adminContext } from '../testing/test-app.ts';
import { TENANT_DIRECTORY, auditEventKeys, isTenantKey, tenantKey, tenantProfileKeys } from './keys.ts';

const ctx = adminContext('hai-phong');

describe('tenant keys', () => {
  it('begin with the tenant, as TENANT#<id>#', () => {
    expect(tenantKey(ctx, 'AUDIT', 'tenant', 'hai-phong')).toBe('TENANT#hai-phong#AUDIT#tenant#hai-phong');
    expect(tenantProfileKeys(ctx).pk).toBe('TENANT#hai-phong#PROFILE');
    const audit = auditEventKeys(ctx, { type: 'tenant', id: 'hai-phong' }, '2025-01-02T03:04:05.000Z', 'e1');
    expect([audit.pk, audit.gsi1pk].every((key) => key.startsWith('TENANT#hai-phong#'))).toBe(true);
  });

  it('refuse a part that is empty or holds the separator', () => {
    expect(() => tenantKey(ctx, 'UNIT', 'a#b')).toThrow(TypeError);
    expect(() => tenantKey(ctx, 'UNIT', '')).toThrow(TypeError);
  });

  it('do not let one tenant id pass for the prefix of another', () => {
    const hai = adminContext('hai');
    expect(isTenantKey(hai, tenantKey(ctx, 'PROFILE'))).toBe(false);
    expect(isTenantKey(ctx, tenantKey(ctx, 'PROFILE'))).toBe(true);
  });

  it('sort audit events of one entity in time order', () => {
    const entity = { type: 'tenant', id: 'hai-phong' };
    const earlier = auditEventKeys(ctx, entity, '2025-01-02T03:04:05.000Z', 'zzz').sk;
    const later = auditEventKeys(ctx, entity, '2025-01-02T03:04:05.001Z', 'aaa').sk;
    expect(earlier < later).toBe(true);
  });
});

describe('the tenant directory', () => {
  it('is platform data, the one kind of key outside every tenant', () => {
    expect(TENANT_DIRECTORY.startsWith('PLATFORM#')).toBe(true);
    expect(tenantProfileKeys(ctx).gsi1pk).toBe(TENANT_DIRECTORY);
  });
});
