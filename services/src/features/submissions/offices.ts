import { isOfficeKind } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pathIds } from '../../auth/scope.ts';
import type { UnitRepository } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';

/** The office a school belongs to, as listings name it. */
export interface OfficeRef {
  id: string;
  name: string;
}

type Known = Pick<Unit, 'id' | 'name' | 'kind'>;

/**
 * Names the nearest office above each unit (its Phòng; the Sở for a school straight under it) from the
 * unit's current path, so a move is reflected at once and nothing is stored for it. `known` holds the
 * units already read (the listed subtree, which usually holds every office wanted); an ancestor missing
 * from it is read once per request, and only when no nearer office was found first.
 */
export async function officesOf(units: UnitRepository, ctx: TenantContext, paths: readonly string[], known: ReadonlyMap<string, Known>): Promise<(path: string) => OfficeRef | null> {
  const cache = new Map<string, Known | null>(known);
  const walk = (path: string, missing: Set<string> | null): OfficeRef | null => {
    for (const id of pathIds(path).slice(0, -1).reverse()) {
      const unit = cache.get(id);
      if (unit === undefined) {
        if (missing === null) continue;
        missing.add(id);
        return null;
      }
      if (unit !== null && isOfficeKind(unit.kind)) return { id: unit.id, name: unit.name };
    }
    return null;
  };
  // Each round reads the nearest ancestors not known yet; one round is the rule (a caller whose scope is a school).
  const distinct = [...new Set(paths)];
  for (let round = 0; round < 8; round += 1) {
    const missing = new Set<string>();
    for (const path of distinct) walk(path, missing);
    if (missing.size === 0) break;
    const read = await units.getMany(ctx, [...missing]);
    for (const id of missing) cache.set(id, read.find((unit) => unit.id === id) ?? null);
  }
  return (path) => walk(path, null);
}
