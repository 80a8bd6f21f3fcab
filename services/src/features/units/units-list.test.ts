import { beforeAll, describe, expect, it } from 'vitest';
import { accountHeaders, createTestApp } from '../../testing/test-app.ts';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { UnitPageSchema } from './schemas.ts';
import { type Headers, addAccount, addUnits, errorOf, requester } from './test-support.ts';

let store: Store;
let call: ReturnType<typeof requester>;
let hp: TestProvince;
let other: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  [hp, other] = await Promise.all([seedProvince(store, 'tinh-liet-ke'), seedProvince(store, 'tinh-ben-canh')]);
});

async function list(headers: Headers, query = '') {
  const response = await call(headers, 'GET', `/units${query}`);
  expect(response.status).toBe(200);
  return UnitPageSchema.parse(await response.json());
}

/** Every unit of the listing, following the cursors; checks that no page exceeds `limit`. */
async function listAll(headers: Headers, limit: number, filters = '') {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(headers, `?limit=${limit}${filters}${cursor === null ? '' : `&cursor=${cursor}`}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((u) => u.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

describe('listing the units of the caller’s scope', () => {
  it('shows an office admin of Phòng A the subtree of Phòng A only, parent first', async () => {
    const page = await list(hp.headers.officeAdminA);
    expect(page.items.map((u) => u.id)).toEqual([hp.units.phongA.id, ...[hp.units.schoolA1.id, hp.units.schoolA2.id].sort((a, b) => (`${hp.units.phongA.path}${a}/` < `${hp.units.phongA.path}${b}/` ? -1 : 1))]);
    expect(page.nextCursor).toBeNull();
  });

  it('shows a school head its school only, and the province admin the whole province, none of another province', async () => {
    expect((await list(hp.headers.headA1)).items.map((u) => u.id)).toEqual([hp.units.schoolA1.id]);
    const all = (await list(hp.headers.provinceAdmin)).items;
    expect(all.map((u) => u.id).sort()).toEqual(Object.values(hp.units).map((u) => u.id).sort());
    expect(all[0]?.id).toBe(hp.units.so.id);
    expect(all.map((u) => u.path)).toEqual(all.map((u) => u.path).sort());
  });

  it('filters by kind, by status, and by name without regard to accents or case', async () => {
    expect((await list(hp.headers.provinceAdmin, '?kind=primary')).items.map((u) => u.id).sort()).toEqual([hp.units.schoolA1.id, hp.units.schoolB1.id].sort());
    expect((await list(hp.headers.provinceAdmin, '?q=hoa%20sen')).items.map((u) => u.id)).toEqual([hp.units.schoolA1.id]);
    expect((await list(hp.headers.provinceAdmin, `?q=${encodeURIComponent('TIEU HOC')}`)).items).toHaveLength(2);
    expect((await list(hp.headers.provinceAdmin, `?q=${encodeURIComponent('Chân trời')}`)).items.map((u) => u.id)).toEqual([hp.units.thptC.id]);
    expect((await list(hp.headers.officeAdminA, '?kind=primary')).items.map((u) => u.id)).toEqual([hp.units.schoolA1.id]);
    expect((await list(hp.headers.provinceAdmin, '?status=inactive')).items).toEqual([]);
  });

  it('pages through the scope with cursors, with or without filters, each unit once', async () => {
    const everything = (await list(hp.headers.provinceAdmin)).items.map((u) => u.id);
    expect(await listAll(hp.headers.provinceAdmin, 2)).toEqual(everything);
    expect(await listAll(hp.headers.provinceAdmin, 1, '&kind=primary')).toHaveLength(2);
  });

  it('walks every subtree of an account granted at two offices, and nothing between them', async () => {
    const twoOffices = await addAccount(store, hp.tenantId, hp.units.phongA, 'office-reviewer', [hp.units.phongA, hp.units.phongB]);
    const headers = await accountHeaders(hp.tenantId, twoOffices.id);
    const ids = await listAll(headers, 1);
    const expected = [hp.units.phongA, hp.units.schoolA1, hp.units.schoolA2, hp.units.phongB, hp.units.schoolB1].map((u) => u.id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('returns at most 1000 units a page, and the rest behind the cursor', async () => {
    const big = await seedProvince(store, 'tinh-lon');
    await addUnits(store, big.tenantId, big.units.phongB, Array.from({ length: 1001 }, (_, i) => ({ name: `Trường Tiểu học Số ${i + 1}`, kind: 'primary' as const })));
    const first = await list(big.headers.provinceAdmin);
    expect(first.items).toHaveLength(1000);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(big.headers.provinceAdmin, `?cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1008 - 1000);
    expect(rest.nextCursor).toBeNull();
    expect((await call(big.headers.provinceAdmin, 'GET', '/units?limit=1001')).status).toBe(400);
  }, 60_000);

  it('refuses a cursor that is not its own, or that points outside the caller’s scope, with 400', async () => {
    const provincePage = await list(hp.headers.provinceAdmin, '?limit=2');
    const refused = [
      await call(hp.headers.officeAdminA, 'GET', `/units?cursor=${provincePage.nextCursor}`),
      await call(other.headers.provinceAdmin, 'GET', `/units?cursor=${provincePage.nextCursor}`),
      await call(hp.headers.provinceAdmin, 'GET', '/units?cursor=bm90LWEtY3Vyc29y'),
      await call(hp.headers.provinceAdmin, 'GET', `/units?cursor=${Buffer.from(JSON.stringify({ root: hp.units.so.id, after: 'e30' })).toString('base64url')}`),
    ];
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect((await errorOf(response)).details[0]).toMatchObject({ path: 'query.cursor', code: 'invalid-cursor' });
    }
  });
});
