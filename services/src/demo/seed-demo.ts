import type { SystemAdmin } from '../auth/system-admin.ts';
import { TenantContext } from '../auth/tenant-context.ts';
import type { Store } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { getTenantItem } from '../db/query.ts';
import { loginKeys } from '../features/accounts/keys.ts';
import { accountRepository, normalizeLogin } from '../features/accounts/repository.ts';
import { criteriaSetRepository } from '../features/criteria-sets/repository.ts';
import { createDraft, publishVersion } from '../features/criteria-sets/use-cases.ts';
import { tenantRepository } from '../features/tenants/repository.ts';
import { unitRepository } from '../features/units/repository.ts';
import type { Unit } from '../features/units/schemas.ts';
import { seedDemoCampaign } from './demo-campaign.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_UNITS } from './demo-province.ts';

/** What seeding did, for the start-up message. */
export interface DemoSeedReport {
  created: { tenant: boolean; units: number; accounts: number; criteriaVersions: number; campaigns: number };
}

/**
 * Loads the demo province if it is not there, step by step, each step skipped when its data exists: a
 * start interrupted half-way finishes the job at the next start, and a complete province is left as is.
 */
export async function seedDemo(store: Store, admin: SystemAdmin, hashPassword: (password: string) => Promise<string>): Promise<DemoSeedReport> {
  const ctx = TenantContext.forSystemAdmin(admin, DEMO_TENANT.id);
  const report: DemoSeedReport = { created: { tenant: false, units: 0, accounts: 0, criteriaVersions: 0, campaigns: 0 } };
  const tenants = tenantRepository(store);
  let tenant = await tenants.get(ctx);
  if (tenant === null) {
    tenant = await tenants.insert(ctx, { name: DEMO_TENANT.name, provinceName: DEMO_TENANT.provinceName });
    report.created.tenant = true;
  }

  const units = unitRepository(store);
  const root = await units.get(ctx, tenant.rootUnitId);
  if (root === null) throw new Error('The demo tenant has no root unit');
  const byCode = new Map<string, Unit>();
  for (const spec of DEMO_UNITS) {
    if (spec.parent === null) {
      byCode.set(spec.code, root);
      continue;
    }
    const existingId = await units.findByCode(ctx, spec.code);
    const existing = existingId === null ? null : await units.get(ctx, existingId);
    if (existing !== null) {
      byCode.set(spec.code, existing);
      continue;
    }
    const parent = byCode.get(spec.parent);
    if (parent === undefined) throw new Error(`Demo unit ${spec.code} comes before its parent ${spec.parent}`);
    const id = newId();
    const now = new Date().toISOString();
    const unit: Unit = {
      id,
      parentId: parent.id,
      name: spec.name,
      kind: spec.kind,
      code: spec.code,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      status: 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    byCode.set(spec.code, await units.insert(ctx, unit, parent));
    report.created.units += 1;
  }

  const accounts = accountRepository(store);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const spec of DEMO_ACCOUNTS) {
    if ((await getTenantItem(store, ctx, loginKeys(ctx, normalizeLogin(spec.login)))) !== null) continue;
    const unit = byCode.get(spec.unit);
    if (unit === undefined) throw new Error(`Demo account ${spec.login} names an unknown unit ${spec.unit}`);
    const now = new Date().toISOString();
    await accounts.insert(ctx, {
      account: {
        id: newId(),
        login: spec.login,
        email: null,
        name: spec.name,
        position: spec.position,
        phone: null,
        homeUnitId: unit.id,
        homePath: unit.path,
        status: 'active',
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      passwordHash,
      grants: [{ unitId: unit.id, role: spec.role }],
    });
    report.created.accounts += 1;
  }

  // The national set, published in the province as its own set, ready for a campaign.
  const deps = { sets: criteriaSetRepository(store) };
  if ((await deps.sets.getSet(ctx, '4725')) === null) {
    const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2022.1' });
    await publishVersion(deps, ctx, draft.version.setKey, draft.version.number, draft.version.version);
    report.created.criteriaVersions += 1;
  }
  const published = (await deps.sets.listVersions(ctx, '4725')).find((version) => version.status === 'published');
  if (published !== undefined && (await seedDemoCampaign(store, ctx, published))) report.created.campaigns += 1;
  return report;
}

/** The lines that tell a newcomer how to sign in to the demo province. */
export function demoLoginLines(baseUrl: string): string[] {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.login.length));
  return [
    `Tỉnh demo / demo province: "${DEMO_TENANT.id}" — mật khẩu mọi tài khoản / password of every account: ${DEMO_PASSWORD}`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(width)}  ${a.role.padEnd(15)}  ${a.unit}`),
    `Đăng nhập / sign in: POST ${baseUrl}/api/auth/sign-in {"tenant":"${DEMO_TENANT.id}","login":"so.quantri","password":"${DEMO_PASSWORD}"}`,
  ];
}
