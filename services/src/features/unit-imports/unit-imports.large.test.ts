import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { unitRepository } from '../units/repository.ts';
import { ROWS_PER_APPLY } from './limits.ts';
import { XLSX, applyAll, auditCount, dryRun, xlsxOf } from './test-files.ts';

const OFFICES = 50;
const SCHOOLS_PER_OFFICE = 99;
const TOTAL = OFFICES * (SCHOOLS_PER_OFFICE + 1);
const KINDS = ['Mầm non', 'Tiểu học', 'THCS', 'TH&THCS', 'THCS&THPT', 'PT nhiều cấp'];

let store: Store;
let hp: TestProvince;

beforeAll(async () => {
  store = await createTestStore();
  hp = await seedProvince(store, 'tinh-lon');
});

/** A province-sized list: 50 offices with 99 schools each, every office listed after its schools. */
function province(): string[][] {
  const rows: string[][] = [['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên']];
  for (let office = 0; office < OFFICES; office += 1) {
    const officeCode = `PGD-${String(office).padStart(2, '0')}`;
    for (let school = 0; school < SCHOOLS_PER_OFFICE; school += 1) {
      rows.push([`${officeCode}-T${String(school).padStart(3, '0')}`, `Trường số ${school} xã Thử Nghiệm ${office}`, KINDS[school % KINDS.length] ?? 'TH', officeCode]);
    }
    rows.push([officeCode, `Phòng GDĐT Thử Nghiệm ${office}`, 'Phòng GDĐT', '']);
  }
  return rows;
}

describe('a province-sized import', () => {
  it(`imports ${TOTAL} units from an XLSX in batches whose progress rises to the end, then re-imports it as a no-op`, { timeout: 120_000 }, async () => {
    const app = createTestApp(store);
    const file = await xlsxOf(province());
    const started = Date.now();
    const job = await dryRun(app, hp.headers.provinceAdmin, file, XLSX);
    const dryRunMs = Date.now() - started;
    expect(job).toMatchObject({ status: 'ready', rows: TOTAL, toCreate: TOTAL, errorCount: 0 });

    const reports = await applyAll(app, hp.headers.provinceAdmin, job);
    const applyMs = Date.now() - started - dryRunMs;
    const processed = reports.map((report) => report.processed);
    expect(processed).toEqual(Array.from({ length: Math.ceil(TOTAL / ROWS_PER_APPLY) }, (_, i) => Math.min((i + 1) * ROWS_PER_APPLY, TOTAL)));
    for (let i = 1; i < reports.length; i += 1) expect(processed[i]).toBeGreaterThan(processed[i - 1] ?? 0);
    expect(reports.at(-1)).toMatchObject({ done: true, processed: TOTAL, total: TOTAL, created: TOTAL, updated: 0, unchanged: 0 });

    const tree = await unitRepository(store).listSubtree(adminContext(hp.tenantId), hp.units.so.path);
    const imported = tree.filter((unit) => unit.code?.startsWith('PGD-'));
    expect(imported).toHaveLength(TOTAL);
    const offices = new Map(imported.filter((unit) => unit.kind === 'district-office').map((unit) => [unit.code, unit]));
    expect(offices.size).toBe(OFFICES);
    for (const unit of imported) {
      const expectedParent = unit.kind === 'district-office' ? hp.units.so.id : offices.get(unit.code?.slice(0, 6) ?? '')?.id;
      expect(unit.parentId).toBe(expectedParent);
    }

    const events = await auditCount(store, hp.tenantId);
    const again = Date.now();
    const reimport = await dryRun(app, hp.headers.provinceAdmin, file, XLSX);
    expect(reimport).toMatchObject({ status: 'done', toCreate: 0, toUpdate: 0, unchanged: TOTAL, errorCount: 0 });
    const noop = await applyAll(app, hp.headers.provinceAdmin, reimport);
    expect(noop.at(-1)).toMatchObject({ done: true, created: 0, updated: 0 });
    expect(await auditCount(store, hp.tenantId)).toBe(events);
    console.info(`${TOTAL} units: dry run ${dryRunMs} ms, apply ${applyMs} ms in ${reports.length} calls, re-import ${Date.now() - again} ms`);
  });
});
