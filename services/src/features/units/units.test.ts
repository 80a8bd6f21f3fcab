import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { foldName } from './repository.ts';
import { UnitDetailSchema, UnitPageSchema } from './schemas.ts';
import { actionsOf, addAccount, errorOf, requester, stored } from './test-support.ts';

let store: Store;
let call: ReturnType<typeof requester>;
let hp: TestProvince;
let other: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  [hp, other] = await Promise.all([seedProvince(store, 'tinh-don-vi'), seedProvince(store, 'tinh-khac')]);
});

async function created(response: Response) {
  expect(response.status).toBe(201);
  return UnitDetailSchema.parse(await response.json());
}

describe('creating a unit', () => {
  it('lets an office admin add a school under its Phòng: 201, Location, a path under the parent, audited', async () => {
    const response = await call(hp.headers.officeAdminA, 'POST', '/units', { parentId: hp.units.phongA.id, name: 'Trường Mầm non Nắng Mai', kind: 'preschool', code: 'MN-NANG-MAI' });
    const unit = await created(response);
    expect(response.headers.get('location')).toBe(`/api/units/${unit.id}`);
    expect(unit).toMatchObject({ parentId: hp.units.phongA.id, kind: 'preschool', code: 'MN-NANG-MAI', depth: 2, status: 'active', version: 1, moving: null });
    expect(unit.path).toBe(`${hp.units.phongA.path}${unit.id}/`);
    expect(unit.ancestors.map((a) => a.id)).toEqual([hp.units.so.id, hp.units.phongA.id]);
    expect(await actionsOf(store, hp.tenantId, unit.id)).toEqual(['unit.created']);
  });

  it('lets the province admin add a Phòng under the Sở, a school under the new Phòng, and a THPT straight under the Sở', async () => {
    const phong = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Phòng GDĐT Xã Đồi Thông', kind: 'district-office' }));
    const school = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: phong.id, name: 'Trường Tiểu học Đồi Thông', kind: 'primary' }));
    const thpt = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Trung tâm GDTX Ven Sông', kind: 'continuing-education', code: null }));
    expect(school.path).toBe(`${hp.units.so.id}/${phong.id}/${school.id}/`);
    expect(thpt).toMatchObject({ depth: 1, code: null });
  });

  it('refuses a unit under a school (409 parent-is-school naming body.parentId) and writes nothing', async () => {
    const response = await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.schoolA1.id, name: 'Điểm trường lẻ', kind: 'primary' });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('parent-is-school');
    expect(error.details[0]).toMatchObject({ path: 'body.parentId', code: 'parent-is-school' });
    expect(error.message).toContain('Trường Tiểu học Hoa Sen');
    const children = UnitPageSchema.parse(await (await call(hp.headers.provinceAdmin, 'GET', `/units/${hp.units.schoolA1.id}/children`)).json());
    expect(children.items).toEqual([]);
  });

  it('refuses the kind provincial-department (400 naming body.kind): only the root is the Sở', async () => {
    const response = await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Sở thứ hai', kind: 'provincial-department' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details.map((d) => d.path)).toEqual(['body.kind']);
  });

  it('refuses a code already used in the tenant, in any case (409 code-taken naming the code), yet another tenant may use it', async () => {
    const taken = hp.units.schoolA2.code ?? '';
    const response = await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường trùng mã', kind: 'primary', code: taken.toLowerCase() });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'code-taken' });
    expect(error.details[0]).toMatchObject({ path: 'body.code', code: 'code-taken' });
    expect(error.message).toContain(taken.toLowerCase());
    await created(await call(other.headers.provinceAdmin, 'POST', '/units', { parentId: other.units.so.id, name: 'Trường cùng mã ở tỉnh khác', kind: 'primary', code: taken }));
  });

  it('lets exactly one of two creations with the same code win', async () => {
    const body = (name: string) => ({ parentId: hp.units.phongB.id, name, kind: 'primary', code: 'TRANH-MA' });
    const results = await Promise.all([call(hp.headers.provinceAdmin, 'POST', '/units', body('Trường Một')), call(hp.headers.provinceAdmin, 'POST', '/units', body('Trường Hai'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    if (loser !== undefined) expect((await errorOf(loser)).details[0]?.path).toBe('body.code');
  });

  it('answers 404 when an office admin of Phòng A creates under Phòng B, and creates nothing there', async () => {
    const response = await call(hp.headers.officeAdminA, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường lạc chỗ', kind: 'primary' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not-found');
    const children = UnitPageSchema.parse(await (await call(hp.headers.provinceAdmin, 'GET', `/units/${hp.units.phongB.id}/children?limit=100`)).json());
    expect(children.items.map((u) => u.name)).not.toContain('Trường lạc chỗ');
  });

  it('answers 403 when a reviewer, who may read Phòng A, creates under it', async () => {
    const response = await call(hp.headers.reviewerA, 'POST', '/units', { parentId: hp.units.phongA.id, name: 'Trường của chuyên viên', kind: 'primary' });
    expect(response.status).toBe(403);
  });

  it('answers 404 for a parent that does not exist, and 400 naming every bad field', async () => {
    expect((await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: 'khongco', name: 'Trường', kind: 'primary' })).status).toBe(404);
    const response = await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: 'A#B', name: 'x', kind: 'university', code: 'có dấu', extra: 1 });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details.map((d) => d.path).sort()).toEqual(['body', 'body.code', 'body.kind', 'body.name', 'body.parentId']);
  });

  it('answers 401 without a valid account token', async () => {
    expect((await call({ 'content-type': 'application/json' }, 'POST', '/units', { parentId: hp.units.so.id, name: 'Trường', kind: 'primary' })).status).toBe(401);
  });
});

describe('reading units', () => {
  it('reads a unit with its ancestors, root first, for breadcrumbs', async () => {
    const response = await call(hp.headers.reviewerA, 'GET', `/units/${hp.units.schoolA1.id}`);
    expect(response.status).toBe(200);
    const unit = UnitDetailSchema.parse(await response.json());
    expect(unit).toMatchObject({ id: hp.units.schoolA1.id, name: 'Trường Tiểu học Hoa Sen', kind: 'primary', moving: null });
    expect(unit.ancestors).toEqual([
      { id: hp.units.so.id, name: hp.units.so.name, kind: 'provincial-department' },
      { id: hp.units.phongA.id, name: 'Phòng GDĐT Huyện An Lạc', kind: 'district-office' },
    ]);
  });

  it('answers 404 to a reviewer of Phòng A for school B1, exactly as for a unit that does not exist', async () => {
    const outside = await call(hp.headers.reviewerA, 'GET', `/units/${hp.units.schoolB1.id}`);
    const missing = await call(hp.headers.reviewerA, 'GET', '/units/khongcodonvi');
    expect([outside.status, missing.status]).toEqual([404, 404]);
    expect((await errorOf(outside)).code).toBe((await errorOf(missing)).code);
    expect((await call(hp.headers.reviewerA, 'GET', `/units/${hp.units.schoolB1.id}/children`)).status).toBe(404);
  });

  it('answers 404 to an account of one province for a unit of another', async () => {
    expect((await call(hp.headers.provinceAdmin, 'GET', `/units/${other.units.schoolA1.id}`)).status).toBe(404);
    expect((await call(hp.headers.provinceAdmin, 'GET', `/units/${other.units.so.id}/children`)).status).toBe(404);
  });

  it('lists the children of a unit by name, accent-insensitively, a page at a time', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
      const response = await call(other.headers.provinceViewer, 'GET', `/units/${other.units.so.id}/children${query}`);
      expect(response.status).toBe(200);
      const page = UnitPageSchema.parse(await response.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(names).toEqual(expect.arrayContaining(['Phòng GDĐT Huyện An Lạc', 'Phòng GDĐT Huyện Bình Yên', 'Trường THPT Chân Trời']));
    expect(names.map(foldName)).toEqual(names.map(foldName).sort());
  });

  it('refuses a children cursor made for another unit with 400', async () => {
    const first = UnitPageSchema.parse(await (await call(hp.headers.provinceAdmin, 'GET', `/units/${hp.units.so.id}/children?limit=1`)).json());
    const response = await call(hp.headers.provinceAdmin, 'GET', `/units/${hp.units.phongA.id}/children?cursor=${first.nextCursor}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details[0]).toMatchObject({ path: 'query.cursor', code: 'invalid-cursor' });
  });
});

describe('changing a unit', () => {
  it('renames from the current version, bumps it, audits before → after, and re-sorts it among its siblings', async () => {
    const unit = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường Tiểu học Anh Đào', kind: 'primary' }));
    const response = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 1, name: 'Trường Tiểu học Xuân Hòa' });
    expect(response.status).toBe(200);
    expect(UnitDetailSchema.parse(await response.json())).toMatchObject({ name: 'Trường Tiểu học Xuân Hòa', version: 2 });
    expect(await actionsOf(store, hp.tenantId, unit.id)).toEqual(['unit.created', 'unit.updated']);
    const page = UnitPageSchema.parse(await (await call(hp.headers.provinceAdmin, 'GET', `/units/${hp.units.phongB.id}/children?limit=100`)).json());
    const names = page.items.map((u) => u.name);
    expect(names.indexOf('Trường Tiểu học Xuân Hòa')).toBeGreaterThan(names.indexOf('Trường Tiểu học Sao Mai'));
  });

  it('changes a school kind among school kinds, but never to an office nor to the Sở (400 naming body.kind)', async () => {
    const unit = await created(await call(hp.headers.officeAdminA, 'POST', '/units', { parentId: hp.units.phongA.id, name: 'Trường Tiểu học Đổi Cấp', kind: 'primary' }));
    const ok = await call(hp.headers.officeAdminA, 'PATCH', `/units/${unit.id}`, { version: 1, kind: 'primary-lower-secondary' });
    expect(UnitDetailSchema.parse(await ok.json())).toMatchObject({ kind: 'primary-lower-secondary', version: 2 });
    for (const [kind, code] of [['district-office', 'school-stays-school'], ['provincial-department', 'kind-reserved']] as const) {
      const response = await call(hp.headers.officeAdminA, 'PATCH', `/units/${unit.id}`, { version: 2, kind });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).details).toEqual([expect.objectContaining({ path: 'body.kind', code })]);
    }
    expect(await stored(store, hp.tenantId, unit.id)).toMatchObject({ kind: 'primary-lower-secondary', version: 2 });
  });

  it('keeps the root the Sở: its kind cannot change (400), its name can', async () => {
    const root = await stored(store, other.tenantId, other.units.so.id);
    const refused = await call(other.headers.provinceAdmin, 'PATCH', `/units/${other.units.so.id}`, { version: root?.version, kind: 'district-office' });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).details[0]).toMatchObject({ path: 'body.kind', code: 'root-kind-fixed' });
    const renamed = await call(other.headers.provinceAdmin, 'PATCH', `/units/${other.units.so.id}`, { version: root?.version, name: 'Sở GDĐT Tỉnh Khác (mới)' });
    expect(renamed.status).toBe(200);
  });

  it('turns an office into a school only once it has no children and no office roles (409 naming body.kind otherwise)', async () => {
    const withChildren = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${hp.units.phongA.id}`, { version: hp.units.phongA.version, kind: 'primary' });
    expect(withChildren.status).toBe(409);
    expect((await errorOf(withChildren)).details[0]).toMatchObject({ path: 'body.kind', code: 'has-children' });
    const empty = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Phòng GDĐT Tạm', kind: 'district-office' }));
    await addAccount(store, hp.tenantId, empty, 'office-reviewer');
    const withGrants = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${empty.id}`, { version: 1, kind: 'primary' });
    expect(withGrants.status).toBe(409);
    expect((await errorOf(withGrants)).details[0]).toMatchObject({ path: 'body.kind', code: 'grants-do-not-fit' });
    const bare = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Phòng GDĐT Trống', kind: 'district-office' }));
    const ok = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${bare.id}`, { version: 1, kind: 'upper-secondary' });
    expect(UnitDetailSchema.parse(await ok.json())).toMatchObject({ kind: 'upper-secondary', version: 2 });
    expect(await stored(store, hp.tenantId, hp.units.phongA.id)).toMatchObject({ kind: 'district-office', version: hp.units.phongA.version });
  });

  it('moves the code: the old one is freed, a taken one is refused (409 naming body.code), null removes it', async () => {
    const unit = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường có mã', kind: 'primary', code: 'MA-CU' }));
    const taken = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 1, code: hp.units.schoolB1.code });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).details[0]).toMatchObject({ path: 'body.code', code: 'code-taken' });
    const moved = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 1, code: 'MA-MOI' });
    expect(UnitDetailSchema.parse(await moved.json())).toMatchObject({ code: 'MA-MOI', version: 2 });
    await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường nhận mã cũ', kind: 'primary', code: 'MA-CU' }));
    const recased = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 2, code: 'ma-moi' });
    expect(UnitDetailSchema.parse(await recased.json())).toMatchObject({ code: 'ma-moi', version: 3 });
    const removed = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 3, code: null });
    expect(UnitDetailSchema.parse(await removed.json())).toMatchObject({ code: null, version: 4 });
    await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường nhận mã mới', kind: 'primary', code: 'MA-MOI' }));
  });

  it('writes and audits nothing when the change changes nothing', async () => {
    const response = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${hp.units.thptC.id}`, { version: 1, name: hp.units.thptC.name, kind: 'upper-secondary' });
    expect(response.status).toBe(200);
    expect(UnitDetailSchema.parse(await response.json())).toMatchObject({ version: 1 });
    expect(await actionsOf(store, hp.tenantId, hp.units.thptC.id)).toEqual(['unit.created']);
  });

  it('refuses a stale version with 409 and the current version, and changes nothing', async () => {
    const unit = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường Tên Một', kind: 'primary' }));
    expect((await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 1, name: 'Trường Tên Hai' })).status).toBe(200);
    const response = await call(hp.headers.provinceAdmin, 'PATCH', `/units/${unit.id}`, { version: 1, name: 'Trường Tên Ba' });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect(await stored(store, hp.tenantId, unit.id)).toMatchObject({ name: 'Trường Tên Hai', version: 2 });
  });

  it('answers 404 to a reviewer of Phòng A changing school B1, 403 changing school A1, and changes neither', async () => {
    const outside = await call(hp.headers.reviewerA, 'PATCH', `/units/${hp.units.schoolB1.id}`, { version: 1, name: 'Tên lạ' });
    const inside = await call(hp.headers.reviewerA, 'PATCH', `/units/${hp.units.schoolA1.id}`, { version: 1, name: 'Tên lạ' });
    expect([outside.status, inside.status]).toEqual([404, 403]);
    expect(await stored(store, hp.tenantId, hp.units.schoolB1.id)).toMatchObject({ name: 'Trường Tiểu học Sao Mai', version: 1 });
    expect(await stored(store, hp.tenantId, hp.units.schoolA1.id)).toMatchObject({ name: 'Trường Tiểu học Hoa Sen', version: 1 });
  });

  it('needs the version and at least one field, and nothing else', async () => {
    const path = `/units/${hp.units.schoolA2.id}`;
    expect((await errorOf(await call(hp.headers.provinceAdmin, 'PATCH', path, { name: 'Mới' }))).details.map((d) => d.path)).toEqual(['body.version']);
    expect((await errorOf(await call(hp.headers.provinceAdmin, 'PATCH', path, { version: 1 }))).details[0]?.path).toBe('body');
    expect((await errorOf(await call(hp.headers.provinceAdmin, 'PATCH', path, { version: 1, path: 'x/' }))).details[0]?.code).toBe('unrecognized_keys');
  });
});
