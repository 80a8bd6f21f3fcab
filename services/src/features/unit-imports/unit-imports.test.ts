import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { accountRepository, normalizeLogin } from '../accounts/repository.ts';
import { unitRepository } from '../units/repository.ts';
import { ImportJobSchema, ImportProgressSchema } from './schemas.ts';
import { CSV, XLSX, applyAll, applyOnce, auditCount, csvOf, dryRun, upload, xlsxOf } from './test-files.ts';

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên', 'Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò'];

let store: Store;
let app: ReturnType<typeof createTestApp>;
let hp: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  app = createTestApp(store);
  hp = await seedProvince(store, 'tinh-nhap');
});

const ctx = () => adminContext(hp.tenantId);
const unitByCode = async (code: string) => {
  const id = await unitRepository(store).findByCode(ctx(), code);
  return id === null ? null : unitRepository(store).get(ctx(), id);
};
async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

describe('dry run', () => {
  it('lists every bad row of a CSV or an XLSX with its row, column and reason, and writes nothing', async () => {
    const before = await auditCount(store, hp.tenantId);
    const table = [
      HEADER,
      ['DR-OK', 'Trường Tiểu học Bình Minh', 'Tiểu học', hp.units.phongA.code ?? '', '', '', '', ''],
      ['DR-NONAME', '', 'THCS', '', '', '', '', ''],
      ['DR-KIND', 'Trường Lạ', 'Đại học', '', '', '', '', ''],
      ['DR-OK', 'Trường Trùng Mã', 'TH', '', '', '', '', ''],
      ['DR-ORPHAN', 'Trường Mồ Côi', 'TH', 'KHONG-CO-MA', '', '', '', ''],
      ['DR-LOOP1', 'Phòng Vòng Một', 'Phòng GDĐT', 'DR-LOOP2', '', '', '', ''],
      ['DR-LOOP2', 'Phòng Vòng Hai', 'Phòng GDĐT', 'DR-LOOP1', '', '', '', ''],
      ['DR-UNDER-SCHOOL', 'Điểm Trường Lẻ', 'TH', hp.units.schoolA1.code ?? '', '', '', '', ''],
      ['DR-ROLE', 'Trường Vai Trò', 'THCS', '', 'ht.vaitro', 'Nguyễn Thị Hoa', '', 'Quản trị Sở'],
      ['DR-TAKEN', 'Trường Tên Đăng Nhập', 'THCS', '', hp.accounts.headB1.login, 'Trần Văn Nam', '', ''],
      ['DR-DUP1', 'Trường Trùng Một', 'THCS', '', 'ht.trung', 'Lê Thị Mai', '', ''],
      ['DR-DUP2', 'Trường Trùng Hai', 'THCS', '', 'HT.Trung', 'Phạm Văn Tú', '', ''],
    ];
    const job = await dryRun(app, hp.headers.provinceAdmin, csvOf(table), CSV);
    expect(job).toMatchObject({ status: 'invalid', format: 'csv', rows: 12, scopeUnitId: hp.units.so.id });
    expect(job.errors.map(({ row, column, code }) => `${row} ${column} ${code}`)).toEqual([
      '3 Tên đơn vị required',
      '4 Loại hình unknown-kind',
      '5 Mã đơn vị duplicate-code',
      '6 Mã đơn vị cấp trên unknown-parent',
      '7 Mã đơn vị cấp trên parent-cycle',
      '8 Mã đơn vị cấp trên parent-cycle',
      '9 Mã đơn vị cấp trên parent-is-school',
      '10 Vai trò role-unfit',
      '11 Tên đăng nhập login-taken',
      '13 Tên đăng nhập duplicate-login',
    ]);
    expect(job.errorCount).toBe(10);
    for (const error of job.errors) expect(error.message).toMatch(/[ạ-ỹđ]/u);
    // The same rows as an XLSX read the same.
    const asXlsx = await dryRun(app, hp.headers.provinceAdmin, await xlsxOf(table), XLSX);
    expect(asXlsx).toMatchObject({ status: 'invalid', format: 'xlsx', errors: job.errors });
    expect(await unitByCode('DR-OK')).toBeNull();
    expect(await auditCount(store, hp.tenantId)).toBe(before);

    const refused = await applyOnce(app, hp.headers.provinceAdmin, job.importId, job.version);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('import-has-errors');
    const again = ImportJobSchema.parse(await (await app.request(`/api/unit-imports/${job.importId}`, { headers: hp.headers.provinceAdmin })).json());
    expect(again.errors).toEqual(job.errors);
  });

  it('refuses files it cannot read, each with a clear code', async () => {
    const h = hp.headers.provinceAdmin;
    const cases: [Uint8Array, string, number, string][] = [
      [new Uint8Array(), CSV, 400, 'empty-file'],
      [csvOf([['A1', 'Trường A', 'TH']]), CSV, 400, 'no-header'],
      [csvOf([['Mã đơn vị', 'Tên đơn vị'], ['A1', 'Trường A']]), CSV, 400, 'missing-columns'],
      [new TextEncoder().encode('%PDF-1.7'), 'application/pdf', 415, 'unsupported-file-type'],
      [new TextEncoder().encode('PK\u0003\u0004 not really a zip'), XLSX, 400, 'invalid-xlsx'],
      [new Uint8Array(6 * 1024 * 1024).fill(65), CSV, 413, 'file-too-large'],
    ];
    for (const [body, type, status, code] of cases) {
      const response = await upload(app, h, body, type);
      expect([response.status, (await errorOf(response)).code]).toEqual([status, code]);
    }
  });

  it('lets only those who manage units upload: a school head is forbidden', async () => {
    const response = await upload(app, hp.headers.headA1, csvOf([HEADER.slice(0, 3), ['X1', 'Trường X', 'TH']]), CSV);
    expect(response.status).toBe(403);
  });

  it('lets an office admin import within its Phòng only: parents elsewhere are unknown, codes elsewhere taken', async () => {
    const job = await dryRun(
      app,
      hp.headers.officeAdminA,
      csvOf([
        HEADER.slice(0, 4),
        ['OA-1', 'Trường Mầm non Sơn Ca', 'Mầm non', ''],
        ['OA-2', 'Trường Tiểu học Ngoài', 'TH', hp.units.phongB.code ?? ''],
        ['OA-3', 'Trường Tiểu học Ngoài Nữa', 'TH', hp.units.thptC.code ?? ''],
        ['OA-4', 'Trường Tiểu học Trong', 'TH', hp.units.phongA.code ?? ''],
        [hp.units.schoolB1.code ?? '', 'Trường Tiểu học Sao Mai', 'TH', ''],
      ]),
      CSV,
    );
    expect(job.scopeUnitId).toBe(hp.units.phongA.id);
    expect(job.errors.map(({ row, code }) => `${row} ${code}`)).toEqual(['3 unknown-parent', '4 unknown-parent', '6 code-taken']);
    expect(JSON.stringify(job.errors)).not.toContain('Bình Yên');
    const outside = await upload(app, hp.headers.officeAdminA, csvOf([HEADER.slice(0, 3), ['X1', 'Trường X', 'TH']]), CSV, `?scopeUnitId=${hp.units.phongB.id}`);
    expect(outside.status).toBe(404);
  });
});

describe('applying an import', () => {
  const table = () => [
    HEADER,
    // A school listed before its new Phòng: the import orders them itself.
    ['AP-S1', 'Trường THCS Hải Âu', 'THCS', 'AP-PHONG', 'ht.haiau', 'Đặng Thị Thu', 'ht.haiau@example.edu.vn', ''],
    ['AP-PHONG', 'Phòng GDĐT Xã Bến Đò', 'Phòng GDĐT', '', 'qt.bendo', 'Bùi Văn Sơn', '', ''],
    ['AP-S2', 'Trường Tiểu học Đồng Xanh', 'TH', 'AP-PHONG', '', '', '', ''],
    ['AP-S3', 'Trường Mầm non Chim Non', 'MN', hp.units.phongA.code ?? '', '', '', '', ''],
    ['AP-THPT', 'Trường THPT Ven Biển', 'THPT', '', '', '', '', ''],
  ];

  it('imports an XLSX: units under the right parents, accounts with one-time passwords shown once, all audited; re-import changes nothing', async () => {
    const file = await xlsxOf(table());
    const eventsBefore = await auditCount(store, hp.tenantId);
    const job = await dryRun(app, hp.headers.provinceAdmin, file, XLSX);
    expect(job).toMatchObject({ status: 'ready', format: 'xlsx', rows: 5, toCreate: 5, toUpdate: 0, unchanged: 0, accountsToCreate: 2, errorCount: 0, errors: [] });
    expect(await auditCount(store, hp.tenantId)).toBe(eventsBefore);

    const reports = await applyAll(app, hp.headers.provinceAdmin, job);
    expect(reports.at(-1)).toMatchObject({ status: 'done', done: true, processed: 5, total: 5, created: 5, updated: 0, unchanged: 0, accountsCreated: 2 });
    const passwords = reports.flatMap((report) => report.passwords);
    expect(passwords.map((p) => p.login).sort()).toEqual(['ht.haiau', 'qt.bendo']);

    const phong = await unitByCode('AP-PHONG');
    const s1 = await unitByCode('AP-S1');
    const s3 = await unitByCode('AP-S3');
    const thpt = await unitByCode('AP-THPT');
    expect(phong).toMatchObject({ parentId: hp.units.so.id, kind: 'district-office', depth: 1 });
    expect(s1).toMatchObject({ parentId: phong?.id, kind: 'lower-secondary', name: 'Trường THCS Hải Âu', path: `${phong?.path}${s1?.id}/` });
    expect(s3).toMatchObject({ parentId: hp.units.phongA.id, kind: 'preschool' });
    expect(thpt).toMatchObject({ parentId: hp.units.so.id, kind: 'upper-secondary' });
    // 5 units, 2 accounts with a grant each.
    expect((await auditCount(store, hp.tenantId)) - eventsBefore).toBe(5 + 2 * 2);

    const accounts = accountRepository(store);
    const headId = await accounts.findIdByLogin(ctx(), normalizeLogin('ht.haiau@example.edu.vn'));
    const head = headId === null ? null : await accounts.getWithGrants(ctx(), headId);
    expect(head?.account).toMatchObject({ login: 'ht.haiau', name: 'Đặng Thị Thu', homeUnitId: s1?.id, homePath: s1?.path });
    expect(head?.grants.map((g) => [g.unitId, g.role])).toEqual([[s1?.id, 'school-head']]);
    const admin = await accounts.findIdByLogin(ctx(), 'qt.bendo');
    expect(admin === null ? [] : (await accounts.getWithGrants(ctx(), admin))?.grants.map((g) => g.role)).toEqual(['office-admin']);

    // The one-time password signs in, and is stored only as a hash.
    const password = passwords.find((p) => p.login === 'ht.haiau')?.password ?? '';
    const signIn = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: hp.tenantId, login: 'ht.haiau', password }),
    });
    expect(signIn.status).toBe(200);
    const secret = headId === null ? null : await accounts.getWithSecret(ctx(), headId);
    expect(secret?.passwordHash).toMatch(/^\$scrypt\$/);
    expect(JSON.stringify(secret)).not.toContain(password);

    // Applying again answers the same finished progress, without passwords and without writing.
    const last = reports.at(-1);
    const repeat = await applyOnce(app, hp.headers.provinceAdmin, job.importId, last?.version ?? 0);
    expect(ImportProgressSchema.parse(await repeat.json())).toMatchObject({ done: true, created: 5, passwords: [] });

    const eventsAfter = await auditCount(store, hp.tenantId);
    const reimport = await dryRun(app, hp.headers.provinceAdmin, file, XLSX);
    expect(reimport).toMatchObject({ status: 'done', toCreate: 0, toUpdate: 0, unchanged: 5, accountsToCreate: 0, accountsUnchanged: 2, errors: [] });
    expect(reimport.progress).toMatchObject({ done: true, created: 0, updated: 0, unchanged: 5 });
    const noop = await applyAll(app, hp.headers.provinceAdmin, reimport);
    expect(noop.at(-1)).toMatchObject({ created: 0, updated: 0, accountsCreated: 0, passwords: [] });
    expect(await auditCount(store, hp.tenantId)).toBe(eventsAfter);
  });

  it('updates a unit whose name or kind changed (audited), and reports a changed parent as a move it does not do', async () => {
    const first = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ['UP-1', 'Trường Tiểu học Cũ', 'TH', hp.units.phongB.code ?? '']]), CSV);
    await applyAll(app, hp.headers.provinceAdmin, first);
    const unit = await unitByCode('UP-1');
    const renamed = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ['up-1', 'Trường TH&THCS Mới', 'TH&THCS', hp.units.phongB.code ?? '']]), CSV);
    expect(renamed).toMatchObject({ status: 'ready', toCreate: 0, toUpdate: 1 });
    const reports = await applyAll(app, hp.headers.provinceAdmin, renamed);
    expect(reports.at(-1)).toMatchObject({ updated: 1, created: 0 });
    expect(await unitByCode('UP-1')).toMatchObject({ id: unit?.id, name: 'Trường TH&THCS Mới', kind: 'primary-lower-secondary', version: 2 });
    const children = await unitRepository(store).allChildren(ctx(), hp.units.phongB.id);
    expect(children.map((child) => child.name)).toContain('Trường TH&THCS Mới');

    const moved = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ['UP-1', 'Trường TH&THCS Mới', 'TH&THCS', hp.units.phongA.code ?? '']]), CSV);
    expect(moved.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'Mã đơn vị cấp trên', 'move-not-supported']]);
  });

  it('refuses to apply a plan whose tree changed since the check (409 import-stale), and a stale version (409 conflict)', async () => {
    const job = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ['ST-1', 'Trường Tiểu học Gió Nam', 'TH', hp.units.phongB.code ?? '']]), CSV);
    const stale = await applyOnce(app, hp.headers.provinceAdmin, job.importId, job.version + 1);
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: job.version });

    const phongB = await unitRepository(store).get(ctx(), hp.units.phongB.id);
    if (phongB === null) throw new Error('no phongB');
    await unitRepository(store).update(ctx(), phongB, { name: 'Phòng GDĐT Huyện Bình Yên Mới' }, new Date().toISOString());
    const changed = await applyOnce(app, hp.headers.provinceAdmin, job.importId, job.version);
    expect(changed.status).toBe(409);
    const error = await errorOf(changed);
    expect(error.code).toBe('import-stale');
    expect(error.details[0]).toMatchObject({ path: 'rows.2', code: 'unit-changed' });
    expect(await unitByCode('ST-1')).toBeNull();

    // Uploaded again, the same file goes through.
    const again = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ['ST-1', 'Trường Tiểu học Gió Nam', 'TH', hp.units.phongB.code ?? '']]), CSV);
    expect((await applyAll(app, hp.headers.provinceAdmin, again)).at(-1)).toMatchObject({ created: 1 });
  });

  it('lets only one of two simultaneous apply calls from the same version through, so no row is applied twice', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`CC-${i}`, `Trường Tiểu học Song Song ${i}`, 'TH', hp.units.phongA.code ?? '']);
    const job = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 4), ...rows]), CSV);
    const [a, b] = await Promise.all([applyOnce(app, hp.headers.provinceAdmin, job.importId, job.version), applyOnce(app, hp.headers.provinceAdmin, job.importId, job.version)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const status = ImportJobSchema.parse(await (await app.request(`/api/unit-imports/${job.importId}`, { headers: hp.headers.provinceAdmin })).json());
    expect(status.progress).toMatchObject({ processed: 40, created: 40, done: true });
    const children = await unitRepository(store).allChildren(ctx(), hp.units.phongA.id);
    expect(children.filter((child) => child.name.startsWith('Trường Tiểu học Song Song'))).toHaveLength(40);
  });

  it('creates accounts across several transactions, each password returned once', { timeout: 60_000 }, async () => {
    // Nine items a row: two transactions for twelve rows.
    const rows = Array.from({ length: 12 }, (_, i) => [`AC-${i}`, `Trường Mầm non Họa Mi ${i}`, 'Mầm non', hp.units.phongB.code ?? '', `ht.hoami${i}`, `Giáo viên Thử ${i}`, `ht.hoami${i}@example.edu.vn`, 'Hiệu trưởng']);
    const job = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER, ...rows]), CSV);
    expect(job).toMatchObject({ status: 'ready', toCreate: 12, accountsToCreate: 12 });
    const reports = await applyAll(app, hp.headers.provinceAdmin, job);
    expect(reports.at(-1)).toMatchObject({ created: 12, accountsCreated: 12, done: true });
    // The job's version moves on with each transaction.
    expect(reports.map((report) => report.version)).toEqual([job.version + 2]);
    const passwords = reports.flatMap((report) => report.passwords);
    expect(new Set(passwords.map((p) => p.login)).size).toBe(12);
    expect(new Set(passwords.map((p) => p.password)).size).toBe(12);
    for (const p of passwords) expect(p.password).toMatch(/^[A-Za-z2-9]{14}$/);
    const again = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER, ...rows]), CSV);
    expect(again).toMatchObject({ status: 'done', accountsUnchanged: 12, accountsToCreate: 0 });
  });

  it('hides an import from those outside its scope', async () => {
    const job = await dryRun(app, hp.headers.provinceAdmin, csvOf([HEADER.slice(0, 3), ['HD-1', 'Trường Ẩn', 'TH']]), CSV);
    const response = await app.request(`/api/unit-imports/${job.importId}`, { headers: hp.headers.officeAdminA });
    expect(response.status).toBe(404);
    expect((await applyOnce(app, hp.headers.officeAdminA, job.importId, job.version)).status).toBe(404);
  });
});
