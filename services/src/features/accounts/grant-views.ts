import { ROLE_LABELS, type Role } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import type { UnitRepository } from '../units/repository.ts';
import type { GrantView } from './schemas.ts';

/**
 * Grants as people read them: each role with its Vietnamese and English label, and the unit it is held
 * at (one read per distinct unit; null for a unit that is gone, whose grant reaches nothing).
 */
export async function grantViews(units: UnitRepository, ctx: TenantContext, grants: readonly { unitId: string; role: Role }[]): Promise<GrantView[]> {
  const ids = [...new Set(grants.map((grant) => grant.unitId))];
  const found = new Map(await Promise.all(ids.map(async (id) => [id, await units.get(ctx, id)] as const)));
  return grants.map((grant) => {
    const unit = found.get(grant.unitId) ?? null;
    return {
      unitId: grant.unitId,
      role: grant.role,
      roleLabel: ROLE_LABELS[grant.role],
      unit: unit === null ? null : { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path },
    };
  });
}
