import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { ConflictError, StateConflictError } from '../../errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { accountRepository } from '../accounts/repository.ts';
import { AccountDetailSchema, CreateAccountSchema } from '../accounts/schemas.ts';
import { createAccount } from '../accounts/use-cases.ts';
import { campaignRepository } from '../campaigns/repository.ts';
import { CampaignSchema } from '../campaigns/schemas.ts';
import { campaignBody, openedCampaign, publishNational4725, requester } from '../campaigns/test-support.ts';
import { openCampaign } from '../campaigns/use-cases.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { SubmissionViewSchema } from '../submissions/schemas.ts';
import { applyBatch } from '../unit-imports/apply.ts';
import { importRepository } from '../unit-imports/repository.ts';
import { CSV, csvOf, dryRun } from '../unit-imports/test-files.ts';
import { unitMoveRepository } from './move-repository.ts';
import { startMove } from './move.ts';
import { type UnitRepository, unitRepository } from './repository.ts';
import { type StoredUnit, type Unit, UnitDetailSchema } from './schemas.ts';
import { callerOf, errorOf } from './test-support.ts';

let store: Store;
let app: ReturnType<typeof createTestApp>;
let call: ReturnType<typeof requester>;

beforeAll(async () => {
  store = await createTestStore();
  app = createTestApp(store);
  call = requester(app);
});

async function newOffice(p: TestProvince, name: string) {
  const response = await call(p.headers.provinceAdmin, 'POST', '/units', { parentId: p.units.so.id, name, kind: 'district-office' });
  expect(response.status).toBe(201);
  return UnitDetailSchema.parse(await response.json());
}

/** Marks Phòng A as moving under `target`, as a move cut short after its first step leaves it. */
async function markPhongA(p: TestProvince, target: Pick<Unit, 'id'>): Promise<StoredUnit> {
  const deps = { units: unitRepository(store), moves: unitMoveRepository(store) };
  const marked = await startMove(deps, await callerOf(store, p.tenantId, p.accounts.provinceAdmin.id), p.units.phongA.id, { version: 1, parentId: target.id });
  expect(marked.moving).not.toBeNull();
  return marked;
}

async function expectMoving(response: Response, path: string) {
  expect(response.status).toBe(409);
  const error = await errorOf(response);
  expect(error.code).toBe('unit-moving');
  expect(error.details[0]).toMatchObject({ path, code: 'unit-moving' });
}

/** A unit repository that answers from the tree as it is now: a request that read it just before a move was marked. */
async function unitsAsNow(tenantId: string): Promise<UnitRepository> {
  const live = unitRepository(store);
  const snapshot = new Map((await live.listSubtree(adminContext(tenantId), '')).map((unit) => [unit.id, unit]));
  return {
    ...live,
    get: async (_ctx, id) => snapshot.get(id) ?? null,
    getMany: async (_ctx, ids) => ids.flatMap((id) => snapshot.get(id) ?? []),
    listSubtree: async (_ctx, path) => [...snapshot.values()].filter((unit) => unit.path.startsWith(path)).sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

const person = (login: string, homeUnitId: string, grants: { unitId: string; role: string }[] = []) => ({ homeUnitId, login, name: 'Nguyễn Thị Thanh Hương', grants });

describe('writes beneath a unit being moved', () => {
  it('refuse account creation, grants, campaign creation, opening and late joining with 409 unit-moving, and all go through once the move is done', async () => {
    const p = await seedProvince(store, 'tinh-cho-chuyen');
    const version = await publishNational4725(store, p.tenantId);
    const { campaign: running } = await openedCampaign(call, p.headers.provinceAdmin, campaignBody(version));
    const created = await call(p.headers.provinceAdmin, 'POST', '/units', { parentId: p.units.phongA.id, name: 'Trường Tiểu học Mới Mở', kind: 'primary' });
    const newcomer = UnitDetailSchema.parse(await created.json());
    const draft = CampaignSchema.parse(await (await call(p.headers.provinceAdmin, 'POST', '/campaigns', campaignBody(version))).json());
    const cluster = await newOffice(p, 'Phòng GDĐT Liên Xã Đồng Bằng');
    const marked = await markPhongA(p, cluster);
    const admin = p.headers.provinceAdmin;
    const { schoolA1, schoolA2, phongA } = p.units;

    await expectMoving(await call(admin, 'POST', '/accounts', person('gv.cho.mot', schoolA1.id)), 'body.homeUnitId');
    await expectMoving(await call(admin, 'POST', '/accounts', person('gv.cho.hai', p.units.thptC.id, [{ unitId: schoolA2.id, role: 'school-editor' }])), 'body.grants[0].unitId');
    await expectMoving(await call(admin, 'POST', `/accounts/${p.accounts.headC.id}/grants`, { unitId: schoolA2.id, role: 'school-editor' }), 'body.unitId');
    await expectMoving(await call(admin, 'POST', '/campaigns', campaignBody(version, { ownerUnitId: phongA.id })), 'body.ownerUnitId');
    await expectMoving(await call(admin, 'POST', `/campaigns/${draft.id}/open`, { version: draft.version }), 'params.campaignId');
    await expectMoving(await call(admin, 'GET', `/campaigns/${running.id}/submissions/${newcomer.id}`), 'params.unitId');
    // Outside the moving subtree nothing waits.
    expect((await call(admin, 'POST', '/accounts', person('gv.ngoai.le', p.units.schoolB1.id))).status).toBe(201);

    expect(await accountRepository(store).findIdByLogin(adminContext(p.tenantId), 'gv.cho.mot')).toBeNull();
    expect(CampaignSchema.parse(await (await call(admin, 'GET', `/campaigns/${draft.id}`)).json()).status).toBe('draft');
    expect(await submissionRepository(store).get(adminContext(p.tenantId), running.id, newcomer.id)).toBeNull();

    const done = await call(admin, 'POST', `/units/${phongA.id}/move`, { version: marked.version, parentId: cluster.id });
    expect(done.status).toBe(200);
    const phong = UnitDetailSchema.parse(await done.json());
    const account = await call(admin, 'POST', '/accounts', person('gv.cho.mot', schoolA1.id));
    expect(AccountDetailSchema.parse(await account.json()).account.homePath).toBe(`${phong.path}${schoolA1.id}/`);
    const joined = SubmissionViewSchema.parse(await (await call(admin, 'GET', `/campaigns/${running.id}/submissions/${newcomer.id}`)).json());
    expect(joined.submission).toMatchObject({ unitPath: `${phong.path}${newcomer.id}/`, recogniserUnitId: phongA.id });
    expect((await call(admin, 'POST', `/campaigns/${draft.id}/open`, { version: draft.version })).status).toBe(200);
  });

  it('refuses to apply an import whose rows sit beneath a unit being moved (409 naming the row)', async () => {
    const p = await seedProvince(store, 'tinh-cho-nhap');
    const cluster = await newOffice(p, 'Phòng GDĐT Liên Xã Trung Du');
    const { schoolA1, phongA } = p.units;
    const row = [schoolA1.code ?? '', schoolA1.name, 'Tiểu học', phongA.code ?? '', 'gv.nhap.cho', 'Trần Thị Minh', '', 'school-editor'];
    const job = await dryRun(app, p.headers.provinceAdmin, csvOf([['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên', 'Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò'], row]), CSV);
    expect(job).toMatchObject({ status: 'ready', accountsToCreate: 1 });
    await markPhongA(p, cluster);

    const response = await app.request(`/api/unit-imports/${job.importId}/apply`, {
      method: 'POST',
      headers: { ...p.headers.provinceAdmin, 'content-type': 'application/json' },
      body: JSON.stringify({ version: job.version }),
    });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('import-stale');
    expect(error.details.map((detail) => detail.code)).toContain('unit-moving');
    expect(await accountRepository(store).findIdByLogin(adminContext(p.tenantId), 'gv.nhap.cho')).toBeNull();
  });
});

describe('writes that read the tree just before a move was marked', () => {
  it('fail on the versions they read rather than leave a path the move will not rewrite; a school left out of the opening joins later at its new place', async () => {
    const p = await seedProvince(store, 'tinh-chay-dua');
    const ctx = adminContext(p.tenantId);
    const version = await publishNational4725(store, p.tenantId);
    const cluster = await newOffice(p, 'Phòng GDĐT Liên Xã Miền Núi');
    const draft = CampaignSchema.parse(await (await call(p.headers.provinceAdmin, 'POST', '/campaigns', campaignBody(version))).json());
    const { schoolA1, phongA } = p.units;
    const row = [schoolA1.code ?? '', schoolA1.name, 'Tiểu học', phongA.code ?? '', 'gv.chay.dua', 'Lê Văn Bình', '', 'school-editor'];
    const job = await dryRun(app, p.headers.provinceAdmin, csvOf([['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên', 'Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò'], row]), CSV);
    const before = await unitsAsNow(p.tenantId);
    const marked = await markPhongA(p, cluster);
    const admin = await callerOf(store, p.tenantId, p.accounts.provinceAdmin.id);

    const account = createAccount({ store, accounts: accountRepository(store), units: before }, admin, CreateAccountSchema.parse(person('gv.chay.dua.hai', schoolA1.id)));
    await expect(account).rejects.toBeInstanceOf(ConflictError);

    const imports = importRepository(store);
    const header = await imports.get(ctx, job.importId);
    if (header === null) throw new Error('no import');
    const ops = await imports.readOps(ctx, header, 0, 10);
    const applyDeps = { imports: { ...imports, units: async (_c: unknown, ids: readonly string[]) => before.getMany(ctx, ids) }, hashPassword: null, now: () => new Date().toISOString() };
    await expect(applyBatch(applyDeps, ctx, header, ops)).rejects.toMatchObject({ code: 'import-stale' });
    expect(await accountRepository(store).findIdByLogin(ctx, 'gv.chay.dua')).toBeNull();

    const deps = { campaigns: campaignRepository(store), sets: criteriaSetRepository(store), units: before, submissions: submissionRepository(store) };
    const opened = await openCampaign(deps, admin, draft.id, draft.version);
    // B1 and the THPT are enrolled; A1 and A2, beneath the Phòng being moved, are left to join on their first read.
    expect(opened.enrolled).toBe(2);
    expect(await submissionRepository(store).get(ctx, draft.id, schoolA1.id)).toBeNull();

    const done = await call(p.headers.provinceAdmin, 'POST', `/units/${phongA.id}/move`, { version: marked.version, parentId: cluster.id });
    const phong = UnitDetailSchema.parse(await done.json());
    const joined = SubmissionViewSchema.parse(await (await call(p.headers.headA1, 'GET', `/campaigns/${draft.id}/submissions/${schoolA1.id}`)).json());
    expect(joined.submission.unitPath).toBe(`${phong.path}${schoolA1.id}/`);

    // A request that read the unit before the move ended, and its lineage after: refused rather than copying the old path.
    const stale = createAccount({ store, accounts: accountRepository(store), units: { ...unitRepository(store), get: before.get } }, admin, CreateAccountSchema.parse(person('gv.chay.dua.ba', schoolA1.id)));
    await expect(stale).rejects.toBeInstanceOf(StateConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'unit-moved' });
  });
});
