import { beforeAll, describe, expect, it } from 'vitest';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { accountHeaders, adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { AccountDetailSchema, AccountPageSchema, type Account } from './schemas.ts';
import { type Call, caller, errorOf, read } from './testing.ts';

let call: Call;
let p: TestProvince;
let other: TestProvince;

beforeAll(async () => {
  const store = await createTestStore();
  call = caller(createTestApp(store));
  [p, other] = await Promise.all([seedProvince(store, 'tk-a'), seedProvince(store, 'tk-b')]);
});

const person = (login: string, homeUnitId: string, grants: { unitId: string; role: string }[] = []) => ({
  homeUnitId,
  login,
  name: 'Nguyễn Thị Hoa',
  grants,
});

async function listAll(headers: Record<string, string>, query = ''): Promise<Account[]> {
  const items: Account[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/accounts?limit=2${query}${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = await read(await call(headers, 'GET', path), 200, AccountPageSchema);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

describe('creating accounts', () => {
  it('creates an account in the caller’s reach with its grants, and audits it without the password', async () => {
    const password = 'mật khẩu thử nghiệm 01';
    const response = await call(p.headers.officeAdminA, 'POST', '/accounts', {
      ...person('ht.hoasen', p.units.schoolA1.id, [{ unitId: p.units.schoolA1.id, role: 'school-head' }]),
      email: 'HT.HoaSen@Example.EDU.vn',
      position: 'Hiệu trưởng',
      password,
    });
    const detail = await read(response, 201, AccountDetailSchema);
    expect(response.headers.get('location')).toBe(`/api/accounts/${detail.account.id}`);
    expect(detail.account).toMatchObject({ login: 'ht.hoasen', email: 'ht.hoasen@example.edu.vn', homePath: p.units.schoolA1.path, status: 'active', version: 1 });
    expect(detail.grants).toEqual([
      {
        unitId: p.units.schoolA1.id,
        role: 'school-head',
        roleLabel: { vi: 'Hiệu trưởng/Thủ trưởng đơn vị', en: 'Head of school' },
        unit: { id: p.units.schoolA1.id, name: 'Trường Tiểu học Hoa Sen', kind: 'primary', path: p.units.schoolA1.path },
      },
    ]);
    const history = AuditEventPageSchema.parse(
      await (await call(adminHeaders, 'GET', `/tenants/tk-a/audit-events?entityType=account&entityId=${detail.account.id}`)).json(),
    );
    expect(history.items).toEqual([
      expect.objectContaining({ action: 'account.created', actor: { kind: 'account', accountId: p.accounts.officeAdminA.id, name: p.accounts.officeAdminA.name } }),
    ]);
    const everything = JSON.stringify([history, detail]);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('scrypt');
    expect(everything).not.toContain('passwordHash');
  });

  it('answers 404 for a home or granted unit outside the caller’s reach, and writes nothing', async () => {
    const outside = await call(p.headers.officeAdminA, 'POST', '/accounts', person('ngoai.pham.vi', p.units.schoolB1.id));
    expect((await errorOf(outside, 404)).code).toBe('not-found');
    const grantOutside = await call(
      p.headers.officeAdminA,
      'POST',
      '/accounts',
      person('ngoai.pham.vi', p.units.schoolA1.id, [{ unitId: p.units.schoolB1.id, role: 'school-editor' }]),
    );
    await errorOf(grantOutside, 404);
    const otherTenant = await call(p.headers.provinceAdmin, 'POST', '/accounts', person('ngoai.pham.vi', other.units.schoolA1.id));
    await errorOf(otherTenant, 404);
    // The login is still free: nothing of the refused attempts was written.
    await read(await call(p.headers.provinceAdmin, 'POST', '/accounts', person('ngoai.pham.vi', p.units.schoolB1.id)), 201, AccountDetailSchema);
  });

  it('refuses a role that does not fit its unit’s kind with 400 naming the grant', async () => {
    const response = await call(
      p.headers.provinceAdmin,
      'POST',
      '/accounts',
      person('sai.vai.tro', p.units.phongA.id, [
        { unitId: p.units.phongA.id, role: 'office-reviewer' },
        { unitId: p.units.phongA.id, role: 'school-head' },
      ]),
    );
    const error = await errorOf(response, 400);
    expect(error.details).toEqual([expect.objectContaining({ path: 'body.grants[1].role', code: 'role-does-not-fit-unit' })]);
  });

  it('keeps an office admin to office and school roles in its own subtree', async () => {
    const atItsOffice = await call(p.headers.officeAdminA, 'POST', '/accounts', person('qt.so.gia', p.units.phongA.id, [{ unitId: p.units.phongA.id, role: 'province-admin' }]));
    expect((await errorOf(atItsOffice, 400)).details[0]?.path).toBe('body.grants[0].role');
    const atTheSo = await call(p.headers.officeAdminA, 'POST', '/accounts', person('qt.so.gia', p.units.phongA.id, [{ unitId: p.units.so.id, role: 'province-admin' }]));
    await errorOf(atTheSo, 404);
    const reviewer = await call(p.headers.officeAdminA, 'POST', '/accounts', person('cv.anlac', p.units.phongA.id, [{ unitId: p.units.phongA.id, role: 'office-reviewer' }]));
    await read(reviewer, 201, AccountDetailSchema);
  });

  it('lets no one hand out a role above their own: an office admin held at the Sở cannot make a province admin (403)', async () => {
    const created = await read(
      await call(p.headers.provinceAdmin, 'POST', '/accounts', person('qt.phong.tai.so', p.units.so.id, [{ unitId: p.units.so.id, role: 'office-admin' }])),
      201,
      AccountDetailSchema,
    );
    const headers = await accountHeaders(p.tenantId, created.account.id);
    const escalation = await call(headers, 'POST', '/accounts', person('qt.moi', p.units.so.id, [{ unitId: p.units.so.id, role: 'province-admin' }]));
    const error = await errorOf(escalation, 403);
    expect(error).toMatchObject({ code: 'role-beyond-own', details: [expect.objectContaining({ path: 'body.grants[0].role' })] });
    const allowed = await call(headers, 'POST', '/accounts', person('cv.binhyen', p.units.phongB.id, [{ unitId: p.units.phongB.id, role: 'office-reviewer' }]));
    await read(allowed, 201, AccountDetailSchema);
  });

  it('refuses a school head, who may read accounts but not manage them, with 403', async () => {
    const response = await call(p.headers.headA1, 'POST', '/accounts', person('gv.hoasen', p.units.schoolA1.id));
    expect((await errorOf(response, 403)).code).toBe('forbidden');
  });

  it('refuses a taken login or email with 409 naming it', async () => {
    await read(await call(p.headers.provinceAdmin, 'POST', '/accounts', { ...person('trung.ten', p.units.so.id), email: 'trung@example.vn' }), 201, AccountDetailSchema);
    const sameLogin = await errorOf(await call(p.headers.provinceAdmin, 'POST', '/accounts', person('Trung.Ten', p.units.so.id)), 409);
    expect(sameLogin).toMatchObject({ code: 'already-exists', message: 'Tên đăng nhập “trung.ten” đã tồn tại' });
    const sameEmail = await errorOf(
      await call(p.headers.provinceAdmin, 'POST', '/accounts', { ...person('khac.ten', p.units.so.id), email: 'TRUNG@example.vn' }),
      409,
    );
    expect(sameEmail.messageEn).toContain('trung@example.vn');
    // The same login in another province is another person.
    await read(await call(other.headers.provinceAdmin, 'POST', '/accounts', person('trung.ten', other.units.so.id)), 201, AccountDetailSchema);
  });

  it('checks the login, the email and the password policy, naming each field', async () => {
    const response = await call(p.headers.provinceAdmin, 'POST', '/accounts', {
      ...person('co#thang', p.units.so.id),
      email: 'khong-phai-email',
      password: 'ngan',
      grants: [{ unitId: p.units.so.id, role: 'chief' }],
    });
    const error = await errorOf(response, 400);
    expect(error.details.map((d) => d.path).sort()).toEqual(['body.email', 'body.grants[0].role', 'body.login', 'body.password']);
    expect(error.details.find((d) => d.path === 'body.login')?.message).toBe('Tên đăng nhập gồm 3–64 ký tự a-z, 0-9 và . _ @ -');
  });
});

describe('listing and reading accounts', () => {
  it('lists the accounts homed in the caller’s reach, and only those', async () => {
    const officeA = (await listAll(p.headers.officeAdminA)).map((a) => a.id);
    expect(officeA).toEqual(expect.arrayContaining([p.accounts.officeAdminA.id, p.accounts.reviewerA.id, p.accounts.headA1.id, p.accounts.headA2.id]));
    for (const outside of [p.accounts.provinceAdmin, p.accounts.reviewerB, p.accounts.headB1, p.accounts.headC]) expect(officeA).not.toContain(outside.id);
    const everyone = await listAll(p.headers.provinceAdmin);
    expect(everyone.map((a) => a.id)).toEqual(expect.arrayContaining(Object.values(p.accounts).map((a) => a.id)));
    // In the index's order: by home unit path, then account id.
    const indexKeys = everyone.map((a) => `PATH#${a.homePath}ACCOUNT#${a.id}`);
    expect(indexKeys).toEqual([...indexKeys].sort());
    expect(everyone.some((a) => Object.values(other.accounts).some((o) => o.id === a.id))).toBe(false);
    expect(new Set(everyone.map((a) => a.id)).size).toBe(everyone.length);
  });

  it('lists one unit’s subtree within the reach, and refuses one outside it', async () => {
    const atA1 = await listAll(p.headers.provinceAdmin, `&unitId=${p.units.schoolA1.id}`);
    expect(atA1.every((a) => a.homePath.startsWith(p.units.schoolA1.path))).toBe(true);
    expect(atA1.map((a) => a.id)).toContain(p.accounts.headA1.id);
    await errorOf(await call(p.headers.officeAdminA, 'GET', `/accounts?unitId=${p.units.schoolB1.id}`), 404);
  });

  it('pages through several subtrees of the caller as one listing', async () => {
    const created = await read(
      await call(
        p.headers.provinceAdmin,
        'POST',
        '/accounts',
        person('qt.hai.phong', p.units.phongA.id, [
          { unitId: p.units.phongB.id, role: 'office-admin' },
          { unitId: p.units.phongA.id, role: 'office-admin' },
        ]),
      ),
      201,
      AccountDetailSchema,
    );
    const seen = (await listAll(await accountHeaders(p.tenantId, created.account.id))).map((a) => a.id);
    expect(seen).toEqual(expect.arrayContaining([p.accounts.headA1.id, p.accounts.headA2.id, p.accounts.headB1.id, p.accounts.reviewerB.id, created.account.id]));
    expect(seen).not.toContain(p.accounts.headC.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor it did not make, and a caller who may read no accounts', async () => {
    const error = await errorOf(await call(p.headers.provinceAdmin, 'GET', '/accounts?cursor=eyJwayI6IngifQ'), 400);
    expect(error.details[0]).toMatchObject({ path: 'query.cursor', code: 'invalid-cursor' });
    await errorOf(await call(p.headers.editorA1, 'GET', '/accounts'), 403);
  });

  it('reads an account with its grants; outside the reach it does not exist, and an account always reads itself', async () => {
    const detail = await read(await call(p.headers.officeAdminA, 'GET', `/accounts/${p.accounts.headA1.id}`), 200, AccountDetailSchema);
    expect(detail.grants.map((g) => [g.role, g.unit?.name])).toEqual([['school-head', 'Trường Tiểu học Hoa Sen']]);
    await errorOf(await call(p.headers.officeAdminA, 'GET', `/accounts/${p.accounts.headB1.id}`), 404);
    await errorOf(await call(p.headers.provinceAdmin, 'GET', `/accounts/${other.accounts.headA1.id}`), 404);
    await read(await call(p.headers.editorA1, 'GET', `/accounts/${p.accounts.editorA1.id}`), 200, AccountDetailSchema);
    await errorOf(await call(p.headers.editorA1, 'GET', `/accounts/${p.accounts.headA1.id}`), 403);
  });
});
