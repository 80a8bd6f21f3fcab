import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { queryTenantPartition } from '../../db/query.ts';
import { ConflictError } from '../../errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { accountRepository } from '../accounts/repository.ts';
import type { Account } from '../accounts/schemas.ts';
import { auditLog } from '../audit-events/repository.ts';
import { accountsByPathPartition } from './keys.ts';
import { unitMoveRepository } from './move-repository.ts';
import { startMove } from './move.ts';
import { unitEntity, unitRepository } from './repository.ts';
import { type Unit, UnitDetailSchema, UnitPageSchema } from './schemas.ts';
import { actionsOf, addAccount, addUnits, callerOf, errorOf, requester, stored } from './test-support.ts';

let store: Store;
let call: ReturnType<typeof requester>;
let hp: TestProvince;
let other: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  [hp, other] = await Promise.all([seedProvince(store, 'tinh-chuyen'), seedProvince(store, 'tinh-chuyen-khac')]);
});

async function moved(response: Response) {
  expect(response.status).toBe(200);
  return UnitDetailSchema.parse(await response.json());
}

async function newUnit(province: TestProvince, parent: Unit, name: string, kind: Unit['kind']) {
  const response = await call(province.headers.provinceAdmin, 'POST', '/units', { parentId: parent.id, name, kind });
  expect(response.status).toBe(201);
  return UnitDetailSchema.parse(await response.json());
}

/** Checks every unit of the subtree now at `path` and every account at home there, against the table and its indexes. */
async function expectSubtreeAt(province: TestProvince, root: Unit, path: string, counts: { units: number; accounts: number }, accounts: Account[]) {
  const ctx = adminContext(province.tenantId);
  const units = await unitRepository(store).listSubtree(ctx, path);
  expect(units).toHaveLength(counts.units);
  expect(units[0]?.id).toBe(root.id);
  const depthOfRoot = path.split('/').length - 2;
  for (const unit of units) {
    const parent = units.find((candidate) => candidate.id === unit.parentId);
    expect(unit.path).toBe(unit.id === root.id ? path : `${parent?.path}${unit.id}/`);
    expect(unit.depth).toBe(unit.id === root.id ? depthOfRoot : (parent?.depth ?? -9) + 1);
    expect(unit.moving).toBeNull();
  }
  const indexed = await queryTenantPartition(store, ctx, { index: 'gsi1', partition: accountsByPathPartition(ctx), sortBeginsWith: `PATH#${path}`, limit: 1000, cursor: null });
  expect(indexed.items).toHaveLength(counts.accounts);
  for (const account of accounts) {
    const now = await accountRepository(store).get(ctx, account.id);
    const home = units.find((unit) => unit.id === account.homeUnitId);
    expect(now?.homePath).toBe(home?.path);
    expect(indexed.items.find((item) => item.id === account.id)?.gsi1sk).toBe(`PATH#${home?.path}ACCOUNT#${account.id}`);
  }
}

describe('moving a small subtree', () => {
  it('moves a school to another Phòng: parent, path and depth change, its accounts follow, audited unit.moved', async () => {
    const school = hp.units.schoolA2;
    const unit = await moved(await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/move`, { version: 1, parentId: hp.units.phongB.id }));
    expect(unit).toMatchObject({ parentId: hp.units.phongB.id, path: `${hp.units.phongB.path}${school.id}/`, depth: 2, moving: null });
    expect(unit.ancestors.map((a) => a.id)).toEqual([hp.units.so.id, hp.units.phongB.id]);
    await expectSubtreeAt(hp, school, unit.path, { units: 1, accounts: 1 }, [hp.accounts.headA2]);
    expect(await actionsOf(store, hp.tenantId, school.id)).toEqual(['unit.created', 'unit.move-started', 'unit.moved']);
    const [latest] = (await auditLog(store).forEntity(adminContext(hp.tenantId), unitEntity(school.id), { limit: 1, cursor: null })).items;
    expect(latest).toMatchObject({
      action: 'unit.moved',
      entityVersion: unit.version,
      before: { parentId: hp.units.phongA.id, path: school.path },
      after: { parentId: hp.units.phongB.id, path: unit.path },
    });

    const childrenOf = async (parent: Unit) =>
      UnitPageSchema.parse(await (await call(hp.headers.provinceAdmin, 'GET', `/units/${parent.id}/children`)).json()).items.map((u) => u.id);
    expect(await childrenOf(hp.units.phongA)).not.toContain(school.id);
    expect(await childrenOf(hp.units.phongB)).toContain(school.id);
    // Grants name units, not paths: the school's head still reaches it; the reviewers' reach follows the tree.
    expect((await call(hp.headers.headA2, 'GET', `/units/${school.id}`)).status).toBe(200);
    expect((await call(hp.headers.reviewerA, 'GET', `/units/${school.id}`)).status).toBe(404);
    expect((await call(hp.headers.reviewerB, 'GET', `/units/${school.id}`)).status).toBe(200);
  });

  it('moves an office with its schools and accounts under another office', async () => {
    const province = await seedProvince(store, 'tinh-chuyen-phong');
    const cluster = await newUnit(province, province.units.so, 'Phòng GDĐT Liên Xã', 'district-office');
    const phong = province.units.phongA;
    const unit = await moved(await call(province.headers.provinceAdmin, 'POST', `/units/${phong.id}/move`, { version: 1, parentId: cluster.id }));
    expect(unit).toMatchObject({ path: `${cluster.path}${phong.id}/`, depth: 2 });
    const { officeAdminA, reviewerA, editorA1, headA1, headA2 } = province.accounts;
    await expectSubtreeAt(province, phong, unit.path, { units: 3, accounts: 5 }, [officeAdminA, reviewerA, editorA1, headA1, headA2]);
    expect(await stored(store, province.tenantId, province.units.schoolA1.id)).toMatchObject({ path: `${unit.path}${province.units.schoolA1.id}/`, depth: 3, version: 1 });
    // The office admin still manages its schools where they now are.
    const renamed = await call(province.headers.officeAdminA, 'PATCH', `/units/${province.units.schoolA1.id}`, { version: 1, name: 'Trường Tiểu học Hoa Sen Mới' });
    expect(renamed.status).toBe(200);
  });

  it('writes nothing when the new parent is the current one', async () => {
    const response = await call(hp.headers.provinceAdmin, 'POST', `/units/${hp.units.thptC.id}/move`, { version: 1, parentId: hp.units.so.id });
    expect(await moved(response)).toMatchObject({ version: 1, parentId: hp.units.so.id });
    expect(await actionsOf(store, hp.tenantId, hp.units.thptC.id)).toEqual(['unit.created']);
  });
});

describe('refused moves', () => {
  async function expectRefused(response: Response, status: number, path: string, code: string) {
    expect(response.status).toBe(status);
    const error = await errorOf(response);
    expect(error.code).toBe(code);
    expect(error.details[0]).toMatchObject({ path, code });
  }

  it('refuses to move the root, a unit under itself or its own descendant, under a school or an inactive unit, and changes nothing', async () => {
    const phong = hp.units.phongA;
    const before = await stored(store, hp.tenantId, phong.id);
    const team = await newUnit(hp, phong, 'Tổ chuyên môn liên trường', 'district-office');
    const closed = await newUnit(hp, hp.units.so, 'Phòng GDĐT Đã Giải Thể', 'district-office');
    expect((await call(hp.headers.provinceAdmin, 'POST', `/units/${closed.id}/deactivate`, { version: 1 })).status).toBe(200);
    const root = await stored(store, hp.tenantId, hp.units.so.id);
    const move = (unitId: string, version: number | undefined, parentId: string) => call(hp.headers.provinceAdmin, 'POST', `/units/${unitId}/move`, { version, parentId });

    await expectRefused(await move(hp.units.so.id, root?.version, phong.id), 409, 'params.unitId', 'root-cannot-move');
    await expectRefused(await move(phong.id, 1, phong.id), 409, 'body.parentId', 'move-into-own-subtree');
    await expectRefused(await move(phong.id, 1, team.id), 409, 'body.parentId', 'move-into-own-subtree');
    await expectRefused(await move(phong.id, 1, hp.units.thptC.id), 409, 'body.parentId', 'parent-is-school');
    await expectRefused(await move(phong.id, 1, closed.id), 409, 'body.parentId', 'parent-inactive');

    expect(await stored(store, hp.tenantId, phong.id)).toEqual(before);
    expect(await actionsOf(store, hp.tenantId, phong.id)).toEqual(['unit.created']);
    expect(await stored(store, hp.tenantId, hp.units.schoolA1.id)).toMatchObject({ path: hp.units.schoolA1.path });
  });

  it('answers 404 when the unit or the new parent is outside the caller’s reach, 403 without unit.manage, and changes nothing', async () => {
    const school = hp.units.schoolA1;
    const responses = [
      await call(hp.headers.officeAdminA, 'POST', `/units/${school.id}/move`, { version: 1, parentId: hp.units.phongB.id }),
      await call(hp.headers.officeAdminA, 'POST', `/units/${hp.units.schoolB1.id}/move`, { version: 1, parentId: hp.units.phongA.id }),
      await call(hp.headers.provinceAdmin, 'POST', `/units/${other.units.schoolA1.id}/move`, { version: 1, parentId: hp.units.phongB.id }),
      await call(hp.headers.provinceAdmin, 'POST', `/units/${school.id}/move`, { version: 1, parentId: other.units.phongB.id }),
      await call(hp.headers.reviewerA, 'POST', `/units/${school.id}/move`, { version: 1, parentId: hp.units.phongA.id }),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 403]);
    expect(await stored(store, hp.tenantId, school.id)).toMatchObject({ parentId: hp.units.phongA.id, path: school.path, version: 1 });
    expect(await stored(store, hp.tenantId, hp.units.schoolB1.id)).toMatchObject({ path: hp.units.schoolB1.path, version: 1 });
    expect(await stored(store, other.tenantId, other.units.schoolA1.id)).toMatchObject({ path: other.units.schoolA1.path, version: 1 });
  });

  it('refuses a stale version with 409 and the current version', async () => {
    const response = await call(hp.headers.provinceAdmin, 'POST', `/units/${hp.units.schoolB1.id}/move`, { version: 5, parentId: hp.units.phongA.id });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'conflict', currentVersion: 1 });
    expect(await stored(store, hp.tenantId, hp.units.schoolB1.id)).toMatchObject({ parentId: hp.units.phongB.id, version: 1 });
  });
});

/** A Phòng under the Sở with `schools` schools and an account at home in each of the first `accounts` of them. */
async function largeOffice(province: TestProvince, name: string, schools: number, accounts: number) {
  const phong = await newUnit(province, province.units.so, name, 'district-office');
  const units = await addUnits(store, province.tenantId, phong, Array.from({ length: schools }, (_, i) => ({ name: `${name} – Trường số ${i + 1}`, kind: 'primary' as const })));
  const people: Account[] = [await addAccount(store, province.tenantId, phong, 'office-admin')];
  for (const school of units.slice(0, accounts)) people.push(await addAccount(store, province.tenantId, school, 'school-head'));
  return { phong, schools: units, accounts: people };
}

describe('moving a large subtree (more than one transaction holds)', () => {
  it('rewrites every descendant and every account in batches, then moves the unit', async () => {
    const province = await seedProvince(store, 'tinh-chuyen-lon');
    const big = await largeOffice(province, 'Phòng GDĐT Thị Xã Lớn', 130, 40);
    const unit = await moved(await call(province.headers.provinceAdmin, 'POST', `/units/${big.phong.id}/move`, { version: 1, parentId: province.units.phongB.id }));
    expect(unit).toMatchObject({ parentId: province.units.phongB.id, path: `${province.units.phongB.path}${big.phong.id}/`, depth: 2, moving: null, version: 3 });
    await expectSubtreeAt(province, big.phong, unit.path, { units: 131, accounts: 41 }, big.accounts);
    expect(await unitRepository(store).listSubtree(adminContext(province.tenantId), big.phong.path)).toEqual([]);
    expect(await actionsOf(store, province.tenantId, big.phong.id)).toEqual(['unit.created', 'unit.move-started', 'unit.move-progressed', 'unit.moved']);
  }, 60_000);

  it('survives a move cut short: writes beneath wait (409), a rerun batch changes nothing, sending the move again completes it', async () => {
    const province = await seedProvince(store, 'tinh-chuyen-do');
    const big = await largeOffice(province, 'Phòng GDĐT Huyện Dở Dang', 120, 10);
    const ctx = adminContext(province.tenantId);
    const deps = { units: unitRepository(store), moves: unitMoveRepository(store) };
    const caller = await callerOf(store, province.tenantId, province.accounts.provinceAdmin.id);
    const marked = await startMove(deps, caller, big.phong.id, { version: 1, parentId: province.units.phongB.id });
    if (marked.moving === null) throw new Error('not marked');
    const mark = marked.moving;
    const batch = (await deps.moves.pending(ctx, mark, big.phong.id)).slice(0, 98);
    await deps.moves.rewrite(ctx, marked, mark, batch);
    // …and here the process stops.

    const headers = province.headers.provinceAdmin;
    const shown = UnitDetailSchema.parse(await (await call(headers, 'GET', `/units/${big.phong.id}`)).json());
    expect(shown.moving).toMatchObject({ toParentId: province.units.phongB.id, fromPath: big.phong.path });
    const [rewritten, waiting] = [big.schools.find((s) => batch.some((c) => c.entity.id === s.id)), big.schools.find((s) => !batch.some((c) => c.entity.id === s.id))];
    for (const school of [rewritten, waiting]) {
      const response = await call(headers, 'PATCH', `/units/${school?.id}`, { version: 1, name: 'Tên mới giữa chừng' });
      expect(response.status).toBe(409);
      expect((await errorOf(response)).details[0]).toMatchObject({ path: 'params.unitId', code: 'unit-moving' });
    }
    const under = await call(headers, 'POST', '/units', { parentId: big.phong.id, name: 'Trường mới giữa chừng', kind: 'primary' });
    expect((await errorOf(under)).details[0]).toMatchObject({ path: 'body.parentId', code: 'unit-moving' });
    const elsewhere = await call(headers, 'POST', `/units/${big.phong.id}/move`, { version: marked.version, parentId: province.units.so.id });
    expect((await errorOf(elsewhere)).details[0]).toMatchObject({ path: 'body.parentId', code: 'move-in-progress' });
    const target = await stored(store, province.tenantId, province.units.phongB.id);
    const targetMoved = await call(headers, 'POST', `/units/${province.units.phongB.id}/move`, { version: target?.version, parentId: province.units.phongA.id });
    expect((await errorOf(targetMoved)).details[0]).toMatchObject({ path: 'params.unitId', code: 'unit-moving' });

    await expect(deps.moves.rewrite(ctx, marked, mark, batch)).rejects.toBeInstanceOf(ConflictError);
    expect(await stored(store, province.tenantId, rewritten?.id ?? '')).toMatchObject({ path: `${mark.toPath}${rewritten?.id}/` });

    const unit = await moved(await call(headers, 'POST', `/units/${big.phong.id}/move`, { version: marked.version, parentId: province.units.phongB.id }));
    expect(unit).toMatchObject({ path: mark.toPath, moving: null });
    await expectSubtreeAt(province, big.phong, unit.path, { units: 121, accounts: 11 }, big.accounts);
    expect((await call(headers, 'PATCH', `/units/${waiting?.id}`, { version: 1, name: 'Tên mới sau khi chuyển' })).status).toBe(200);
  }, 60_000);
});
