import { beforeAll, describe, expect, it } from 'vitest';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { accountHeaders, adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { SessionSchema } from '../auth/schemas.ts';
import { AccountDetailSchema, AccountPageSchema, GrantViewSchema } from './schemas.ts';
import { type Call, caller, errorOf, read } from './testing.ts';

let call: Call;
let p: TestProvince;

beforeAll(async () => {
  const store = await createTestStore();
  call = caller(createTestApp(store));
  p = await seedProvince(store, 'td-a');
  await call(adminHeaders, 'POST', '/tenants', { id: 'td-empty', name: 'Sở GDĐT Tỉnh Trống', provinceName: 'Tỉnh Trống' });
});

async function create(login: string, unitId: string, role: string, extra: Record<string, unknown> = {}) {
  const body = { homeUnitId: unitId, login, name: 'Trần Văn Bình', grants: [{ unitId, role }], ...extra };
  return (await read(await call(p.headers.provinceAdmin, 'POST', '/accounts', body), 201, AccountDetailSchema)).account;
}

const signIn = (tenant: string, login: string, password: string) => call({ 'content-type': 'application/json' }, 'POST', '/auth/sign-in', { tenant, login, password });

async function history(tenant: string, type: string, id: string) {
  return AuditEventPageSchema.parse(await (await call(adminHeaders, 'GET', `/tenants/${tenant}/audit-events?entityType=${type}&entityId=${id}`)).json()).items;
}

describe('changing an account', () => {
  it('edits from the version read, audits the changed fields, and refuses a stale version with 409', async () => {
    const account = await create('gv.doi.ten', p.units.schoolA1.id, 'school-editor');
    const changed = await read(
      await call(p.headers.officeAdminA, 'PATCH', `/accounts/${account.id}`, { version: 1, name: 'Trần Văn Bình An', phone: '0912 345 678' }),
      200,
      AccountDetailSchema,
    );
    expect(changed.account).toMatchObject({ name: 'Trần Văn Bình An', phone: '0912 345 678', version: 2 });
    const stale = await errorOf(await call(p.headers.officeAdminA, 'PATCH', `/accounts/${account.id}`, { version: 1, name: 'Tên khác' }), 409);
    expect(stale).toMatchObject({ code: 'conflict', currentVersion: 2 });
    const [latest] = await history('td-a', 'account', account.id);
    expect(latest).toMatchObject({ action: 'account.updated', before: { name: 'Trần Văn Bình', phone: null }, after: { name: 'Trần Văn Bình An', phone: '0912 345 678' } });
  });

  it('moves the email’s login with the email: the new one is taken, the old one free again', async () => {
    const first = await create('gv.email.mot', p.units.schoolA1.id, 'school-editor', { email: 'cu@example.vn' });
    const second = await create('gv.email.hai', p.units.schoolA1.id, 'school-editor', { email: 'khac@example.vn' });
    const taken = await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${first.id}`, { version: 1, email: 'khac@example.vn' });
    expect((await errorOf(taken, 409)).code).toBe('already-exists');
    await read(await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${first.id}`, { version: 1, email: 'moi@example.vn' }), 200, AccountDetailSchema);
    await read(await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${second.id}`, { version: 1, email: 'cu@example.vn' }), 200, AccountDetailSchema);
  });

  it('disables an account, whose token stops working at its next request, and enables it again', async () => {
    const account = await create('gv.bi.khoa', p.units.schoolA1.id, 'school-head');
    const headers = await accountHeaders(p.tenantId, account.id);
    expect((await call(headers, 'GET', '/me')).status).toBe(200);
    await read(await call(p.headers.officeAdminA, 'PATCH', `/accounts/${account.id}`, { version: 1, status: 'disabled' }), 200, AccountDetailSchema);
    expect((await errorOf(await call(headers, 'GET', '/me'), 401)).code).toBe('unauthorized');
    await read(await call(p.headers.officeAdminA, 'PATCH', `/accounts/${account.id}`, { version: 2, status: 'active' }), 200, AccountDetailSchema);
    expect((await call(headers, 'GET', '/me')).status).toBe(200);
  });

  it('lets nobody disable their own account', async () => {
    const error = await errorOf(await call(p.headers.officeAdminA, 'PATCH', `/accounts/${p.accounts.officeAdminA.id}`, { version: 1, status: 'disabled' }), 409);
    expect(error.code).toBe('cannot-disable-self');
  });

  it('keeps an office admin from managing an account that holds roles above its own', async () => {
    const viewer = await create('xem.bao.cao', p.units.schoolA1.id, 'school-editor');
    await read(await call(p.headers.provinceAdmin, 'POST', `/accounts/${viewer.id}/grants`, { unitId: p.units.so.id, role: 'province-viewer' }), 201, GrantViewSchema);
    const edit = await call(p.headers.officeAdminA, 'PATCH', `/accounts/${viewer.id}`, { version: 1, name: 'Tên mới' });
    expect((await errorOf(edit, 403)).code).toBe('account-beyond-own');
    await errorOf(await call(p.headers.officeAdminA, 'POST', `/accounts/${viewer.id}/password`, { newPassword: 'mật khẩu chiếm quyền' }), 403);
  });

  it('needs the version and at least one known field', async () => {
    const error = await errorOf(await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${p.accounts.headA1.id}`, { version: 1 }), 400);
    expect(error.details[0]?.message).toBe('Cần ít nhất một trường để sửa: name, email, position, phone hoặc status');
    await errorOf(await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${p.accounts.headA1.id}`, { version: 1, login: 'doi.login' }), 400);
  });
});

describe('grants', () => {
  it('adds a grant that works at the next request, and revokes it so that the next request no longer has it', async () => {
    const account = await create('gv.vai.tro', p.units.schoolA1.id, 'school-editor');
    const headers = await accountHeaders(p.tenantId, account.id);
    await errorOf(await call(headers, 'GET', '/accounts'), 403);
    const grant = await read(
      await call(p.headers.officeAdminA, 'POST', `/accounts/${account.id}/grants`, { unitId: p.units.schoolA1.id, role: 'school-head' }),
      201,
      GrantViewSchema,
    );
    expect(grant).toMatchObject({ role: 'school-head', unit: { name: 'Trường Tiểu học Hoa Sen' } });
    await read(await call(headers, 'GET', '/accounts'), 200, AccountPageSchema);
    const revoked = await call(p.headers.officeAdminA, 'DELETE', `/accounts/${account.id}/grants/${p.units.schoolA1.id}/school-head`);
    expect(revoked.status).toBe(204);
    await errorOf(await call(headers, 'GET', '/accounts'), 403);
    const events = await history('td-a', 'grant', `${account.id}.${p.units.schoolA1.id}.school-head`);
    expect(events.map((e) => e.action)).toEqual(['grant.revoked', 'grant.created']);
  });

  it('refuses the same role twice (409), a grant that is not there (404), and a grant outside the reach (404)', async () => {
    const account = await create('gv.hai.lan', p.units.schoolA1.id, 'school-editor');
    const again = await call(p.headers.officeAdminA, 'POST', `/accounts/${account.id}/grants`, { unitId: p.units.schoolA1.id, role: 'school-editor' });
    expect((await errorOf(again, 409)).code).toBe('already-exists');
    await errorOf(await call(p.headers.officeAdminA, 'DELETE', `/accounts/${account.id}/grants/${p.units.schoolA1.id}/school-head`), 404);
    await errorOf(await call(p.headers.officeAdminA, 'POST', `/accounts/${account.id}/grants`, { unitId: p.units.schoolB1.id, role: 'school-editor' }), 404);
    const listed = await call(p.headers.provinceAdmin, 'POST', '/accounts', {
      homeUnitId: p.units.schoolA1.id,
      login: 'gv.lap.lai',
      name: 'Lê Thị Cúc',
      grants: [
        { unitId: p.units.schoolA1.id, role: 'school-editor' },
        { unitId: p.units.schoolA1.id, role: 'school-editor' },
      ],
    });
    expect((await errorOf(listed, 400)).details[0]).toMatchObject({ path: 'body.grants[1]', code: 'duplicate-grant' });
  });
});

describe('passwords', () => {
  it('an admin resets a password; the account then changes it itself with its current one', async () => {
    const account = await create('gv.mat.khau', p.units.schoolA1.id, 'school-editor', { password: 'mật khẩu ban đầu' });
    expect((await call(p.headers.officeAdminA, 'POST', `/accounts/${account.id}/password`, { newPassword: 'mật khẩu đặt lại' })).status).toBe(204);
    await errorOf(await signIn('td-a', 'gv.mat.khau', 'mật khẩu ban đầu'), 401);
    const session = await read(await signIn('td-a', 'gv.mat.khau', 'mật khẩu đặt lại'), 200, SessionSchema);
    const own = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const missing = await errorOf(await call(own, 'POST', `/accounts/${account.id}/password`, { newPassword: 'mật khẩu của tôi' }), 400);
    expect(missing.details[0]).toMatchObject({ path: 'body.currentPassword', code: 'required' });
    const wrong = await call(own, 'POST', `/accounts/${account.id}/password`, { newPassword: 'mật khẩu của tôi', currentPassword: 'đoán bừa' });
    expect((await errorOf(wrong, 400)).details[0]).toMatchObject({ path: 'body.currentPassword', code: 'wrong-password' });
    const changed = await call(own, 'POST', `/accounts/${account.id}/password`, { newPassword: 'mật khẩu của tôi', currentPassword: 'mật khẩu đặt lại' });
    expect(changed.status).toBe(204);
    await read(await signIn('td-a', 'gv.mat.khau', 'mật khẩu của tôi'), 200, SessionSchema);
    const events = await history('td-a', 'account', account.id);
    expect(events.filter((e) => e.action === 'account.password-set').map((e) => e.after?.by)).toEqual(['self', 'admin']);
    expect(JSON.stringify(events)).not.toMatch(/mật khẩu|scrypt|passwordHash/);
  });
});

describe('the first province admin', () => {
  it('is created by a system admin at the root unit, and can then sign in and manage the province', async () => {
    const response = await call(adminHeaders, 'POST', '/tenants/td-empty/admins', { login: 'qt.so', name: 'Phạm Minh Đức', password: 'mật khẩu quản trị Sở' });
    const detail = await read(response, 201, AccountDetailSchema);
    expect(detail.grants).toEqual([expect.objectContaining({ role: 'province-admin', unit: expect.objectContaining({ kind: 'provincial-department', name: 'Sở GDĐT Tỉnh Trống' }) })]);
    const session = await read(await signIn('td-empty', 'qt.so', 'mật khẩu quản trị Sở'), 200, SessionSchema);
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const rootId = detail.account.homeUnitId;
    const deputy = await call(headers, 'POST', '/accounts', { homeUnitId: rootId, login: 'pho.qt.so', name: 'Vũ Thu Hà', grants: [{ unitId: rootId, role: 'province-admin' }] });
    await read(deputy, 201, AccountDetailSchema);
    const [created] = await history('td-empty', 'account', detail.account.id);
    expect(created).toMatchObject({ action: 'account.created', actor: { kind: 'system-admin' } });
  });

  it('answers 404 for a tenant that does not exist, 400 without a password, and 401 without the system-admin token', async () => {
    await errorOf(await call(adminHeaders, 'POST', '/tenants/khong-co/admins', { login: 'qt.so', name: 'Phạm Minh Đức', password: 'mật khẩu quản trị Sở' }), 404);
    await errorOf(await call(adminHeaders, 'POST', '/tenants/td-empty/admins', { login: 'qt.so2', name: 'Phạm Minh Đức' }), 400);
    await errorOf(await call(p.headers.provinceAdmin, 'POST', '/tenants/td-a/admins', { login: 'qt.so', name: 'Phạm Minh Đức', password: 'mật khẩu quản trị Sở' }), 401);
  });
});
