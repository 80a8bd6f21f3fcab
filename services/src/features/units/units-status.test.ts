import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { UnitDetailSchema } from './schemas.ts';
import { actionsOf, errorOf, requester, stored } from './test-support.ts';

let store: Store;
let call: ReturnType<typeof requester>;
let hp: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  hp = await seedProvince(store, 'tinh-trang-thai');
});

async function created(response: Response) {
  expect(response.status).toBe(201);
  return UnitDetailSchema.parse(await response.json());
}

describe('deactivating and reactivating', () => {
  it('refuses to deactivate an office with active units beneath, listing them; deactivates it once they are inactive', async () => {
    const phong = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.so.id, name: 'Phòng GDĐT Sắp Giải Thể', kind: 'district-office' }));
    const school = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: phong.id, name: 'Trường Tiểu học Bến Đò', kind: 'primary' }));
    const refused = await call(hp.headers.provinceAdmin, 'POST', `/units/${phong.id}/deactivate`, { version: 1 });
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe('has-active-children');
    expect(error.details.map((d) => d.path)).toEqual(['params.unitId', `children.${school.id}`]);
    expect(error.details[1]?.message).toContain('Trường Tiểu học Bến Đò');
    expect(await stored(store, hp.tenantId, phong.id)).toMatchObject({ status: 'active', version: 1 });

    const schoolOff = await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/deactivate`, { version: 1 });
    expect(UnitDetailSchema.parse(await schoolOff.json())).toMatchObject({ status: 'inactive', version: 2 });
    const phongOff = await call(hp.headers.provinceAdmin, 'POST', `/units/${phong.id}/deactivate`, { version: 1 });
    expect(UnitDetailSchema.parse(await phongOff.json())).toMatchObject({ status: 'inactive', version: 2 });
    expect(await actionsOf(store, hp.tenantId, phong.id)).toEqual(['unit.created', 'unit.deactivated']);

    const under = await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: phong.id, name: 'Trường mới', kind: 'primary' });
    expect(under.status).toBe(409);
    expect((await errorOf(under)).details[0]).toMatchObject({ path: 'body.parentId', code: 'parent-inactive' });

    const early = await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/reactivate`, { version: 2 });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).details[0]).toMatchObject({ path: 'params.unitId', code: 'parent-inactive' });
    expect((await call(hp.headers.provinceAdmin, 'POST', `/units/${phong.id}/reactivate`, { version: 2 })).status).toBe(200);
    const back = await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/reactivate`, { version: 2 });
    expect(UnitDetailSchema.parse(await back.json())).toMatchObject({ status: 'active', version: 3 });
  });

  it('never deactivates the root (409 naming params.unitId)', async () => {
    const root = await stored(store, hp.tenantId, hp.units.so.id);
    const response = await call(hp.headers.provinceAdmin, 'POST', `/units/${hp.units.so.id}/deactivate`, { version: root?.version });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).details[0]).toMatchObject({ path: 'params.unitId', code: 'root-cannot-deactivate' });
    expect(await stored(store, hp.tenantId, hp.units.so.id)).toMatchObject({ status: 'active' });
  });

  it('writes nothing for a unit already in the asked state, and refuses a stale version', async () => {
    const school = await created(await call(hp.headers.provinceAdmin, 'POST', '/units', { parentId: hp.units.phongB.id, name: 'Trường Tiểu học Gió Nam', kind: 'primary' }));
    const same = await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/reactivate`, { version: 1 });
    expect(UnitDetailSchema.parse(await same.json())).toMatchObject({ version: 1 });
    const stale = await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/deactivate`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: 1 });
    expect(await actionsOf(store, hp.tenantId, school.id)).toEqual(['unit.created']);
  });

  it('answers 404 to an office admin of Phòng A deactivating school B1, and leaves it active', async () => {
    expect((await call(hp.headers.officeAdminA, 'POST', `/units/${hp.units.schoolB1.id}/deactivate`, { version: 1 })).status).toBe(404);
    expect(await stored(store, hp.tenantId, hp.units.schoolB1.id)).toMatchObject({ status: 'active', version: 1 });
  });
});
