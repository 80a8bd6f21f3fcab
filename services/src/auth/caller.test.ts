import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/client.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { type TestProvince, seedProvince } from '../testing/province.ts';
import { createTestStore } from '../testing/test-store.ts';
import { signAccessToken } from './account-token.ts';
import { Caller } from './caller.ts';
import { embeddedAuthenticator } from './account-token.ts';
import { pathIds } from './scope.ts';

const SECRET = 'caller-test-secret-0123456789abcdef0123';
let store: Store;
let province: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  province = await seedProvince(store, 'tinh-caller');
});

async function callerOf(accountId: string): Promise<Caller> {
  const { token } = await signAccessToken(SECRET, { tenantId: province.tenantId, accountId });
  const identity = await embeddedAuthenticator(SECRET).verify(token);
  if (identity === null) throw new Error('token refused');
  const caller = await Caller.load(store, identity);
  if (caller === null) throw new Error('no caller');
  return caller;
}

describe('Caller', () => {
  it('loads the grants from the data with the paths of their units', async () => {
    const reviewer = await callerOf(province.accounts.reviewerA.id);
    expect(reviewer.grants).toEqual([{ unitId: province.units.phongA.id, role: 'office-reviewer', unitPath: pathIds(province.units.phongA.path) }]);
    expect(reviewer.ctx.tenantId).toBe(province.tenantId);
  });

  it('reaches the subtree of a grant and nothing else: outside it a resource is not found', async () => {
    const reviewer = await callerOf(province.accounts.reviewerA.id);
    const a1 = pathIds(province.units.schoolA1.path);
    const b1 = pathIds(province.units.schoolB1.path);
    expect(() => reviewer.authorize('submission.review', a1, { type: 'unit', id: 'x' })).not.toThrow();
    expect(() => reviewer.authorize('submission.review', b1, { type: 'unit', id: 'x' })).toThrow(NotFoundError);
    expect(() => reviewer.authorize('unit.read', pathIds(province.units.so.path), { type: 'unit', id: 'x' })).toThrow(NotFoundError);
  });

  it('forbids, inside its reach, what the role does not allow', async () => {
    const editor = await callerOf(province.accounts.editorA1.id);
    const a1 = pathIds(province.units.schoolA1.path);
    expect(() => editor.authorize('submission.edit', a1, { type: 'unit', id: 'x' })).not.toThrow();
    expect(() => editor.authorize('submission.submit', a1, { type: 'unit', id: 'x' })).toThrow(ForbiddenError);
  });

  it('lists the scope roots of an action without nesting', async () => {
    const admin = await callerOf(province.accounts.provinceAdmin.id);
    expect(admin.scopeRoots('unit.manage')).toEqual([province.units.so.id]);
    const head = await callerOf(province.accounts.headA1.id);
    expect(head.scopeRoots('unit.manage')).toEqual([]);
  });

  it('refuses a token of an unknown account, and a token signed with another secret', async () => {
    const { token } = await signAccessToken(SECRET, { tenantId: province.tenantId, accountId: 'nobody' });
    const identity = await embeddedAuthenticator(SECRET).verify(token);
    expect(identity).not.toBeNull();
    if (identity !== null) expect(await Caller.load(store, identity)).toBeNull();
    expect(await embeddedAuthenticator('another-secret-0123456789abcdef0123456').verify(token)).toBeNull();
  });
});
