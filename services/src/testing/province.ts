import type { UnitKind } from '@chiso/criteria';
import type { Role } from '../auth/roles.ts';
import type { Store } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { accountRepository } from '../features/accounts/repository.ts';
import type { Account } from '../features/accounts/schemas.ts';
import { tenantRepository } from '../features/tenants/repository.ts';
import { unitRepository } from '../features/units/repository.ts';
import type { Unit } from '../features/units/schemas.ts';
import { accountHeaders, adminContext } from './test-app.ts';

/** The units of the test province, by a readable name. */
export type UnitName = 'so' | 'phongA' | 'phongB' | 'schoolA1' | 'schoolA2' | 'schoolB1' | 'thptC';

/** The accounts of the test province: one or more per role, each granted where its name says. */
export type AccountName =
  | 'provinceAdmin'
  | 'provinceViewer'
  | 'officeAdminA'
  | 'reviewerA'
  | 'reviewerB'
  | 'editorA1'
  | 'headA1'
  | 'headA2'
  | 'headB1'
  | 'headC';

const TREE: { name: UnitName; parent: UnitName | null; kind: UnitKind; label: string }[] = [
  { name: 'so', parent: null, kind: 'provincial-department', label: '' },
  { name: 'phongA', parent: 'so', kind: 'district-office', label: 'Phòng GDĐT Huyện An Lạc' },
  { name: 'phongB', parent: 'so', kind: 'district-office', label: 'Phòng GDĐT Huyện Bình Yên' },
  { name: 'schoolA1', parent: 'phongA', kind: 'primary', label: 'Trường Tiểu học Hoa Sen' },
  { name: 'schoolA2', parent: 'phongA', kind: 'lower-secondary', label: 'Trường THCS Cánh Diều' },
  { name: 'schoolB1', parent: 'phongB', kind: 'primary', label: 'Trường Tiểu học Sao Mai' },
  { name: 'thptC', parent: 'so', kind: 'upper-secondary', label: 'Trường THPT Chân Trời' },
];

const ACCOUNTS: { name: AccountName; unit: UnitName; role: Role }[] = [
  { name: 'provinceAdmin', unit: 'so', role: 'province-admin' },
  { name: 'provinceViewer', unit: 'so', role: 'province-viewer' },
  { name: 'officeAdminA', unit: 'phongA', role: 'office-admin' },
  { name: 'reviewerA', unit: 'phongA', role: 'office-reviewer' },
  { name: 'reviewerB', unit: 'phongB', role: 'office-reviewer' },
  { name: 'editorA1', unit: 'schoolA1', role: 'school-editor' },
  { name: 'headA1', unit: 'schoolA1', role: 'school-head' },
  { name: 'headA2', unit: 'schoolA2', role: 'school-head' },
  { name: 'headB1', unit: 'schoolB1', role: 'school-head' },
  { name: 'headC', unit: 'thptC', role: 'school-head' },
];

/** A seeded province: its units and accounts, and request headers for each account. */
export interface TestProvince {
  tenantId: string;
  units: Record<UnitName, Unit>;
  accounts: Record<AccountName, Account>;
  headers: Record<AccountName, Record<string, string>>;
}

/**
 * Seeds a province through the repositories (as the API would, audited): Sở → two Phòng with schools,
 * and a THPT straight under the Sở; one account per role and place. Fictional names only.
 * @example const hp = await seedProvince(store, 'tinh-a'); await app.request('/api/units', { headers: hp.headers.reviewerA })
 */
export async function seedProvince(store: Store, tenantId: string): Promise<TestProvince> {
  const ctx = adminContext(tenantId);
  const tenant = await tenantRepository(store).insert(ctx, { name: `Sở GDĐT ${tenantId}`, provinceName: `Tỉnh ${tenantId}` });
  const unitRepo = unitRepository(store);
  const units = {} as Record<UnitName, Unit>;
  const now = new Date().toISOString();
  for (const spec of TREE) {
    if (spec.parent === null) {
      const root = await unitRepo.get(ctx, tenant.rootUnitId);
      if (root === null) throw new Error('the tenant has no root unit');
      units[spec.name] = root;
      continue;
    }
    const parent = units[spec.parent];
    const id = newId();
    const unit: Unit = {
      id,
      parentId: parent.id,
      name: spec.label,
      kind: spec.kind,
      code: `${spec.name.toUpperCase()}-${id.slice(0, 4)}`,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      status: 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    units[spec.name] = await unitRepo.insert(ctx, unit, parent);
  }
  const accountRepo = accountRepository(store);
  const accounts = {} as Record<AccountName, Account>;
  const headers = {} as Record<AccountName, Record<string, string>>;
  for (const spec of ACCOUNTS) {
    const unit = units[spec.unit];
    const account: Account = {
      id: newId(),
      login: `${spec.name.toLowerCase()}.${tenantId}`,
      email: null,
      name: `Người dùng thử ${spec.name}`,
      position: null,
      phone: null,
      homeUnitId: unit.id,
      homePath: unit.path,
      status: 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    accounts[spec.name] = await accountRepo.insert(ctx, { account, passwordHash: null, grants: [{ unitId: unit.id, role: spec.role }] });
    headers[spec.name] = await accountHeaders(tenantId, account.id);
  }
  return { tenantId, units, accounts, headers };
}
