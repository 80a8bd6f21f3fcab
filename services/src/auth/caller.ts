import type { Store } from '../db/client.ts';
import { getTenantItem, queryTenantPartition } from '../db/query.ts';
import { type EntityRef, ForbiddenError, NotFoundError } from '../errors.ts';
import { accountPartition } from '../features/accounts/keys.ts';
import { unitKeys } from '../features/units/keys.ts';
import type { VerifiedIdentity } from './identity.ts';
import { type Role, RoleSchema } from './roles.ts';
import { type Action, type Grant, ROLE_ACTIONS, type UnitPath, allows, pathIds, scopeRoots } from './scope.ts';
import { TenantContext } from './tenant-context.ts';

/** A grant with the path of its unit as stored now (a move changes paths, never grants). */
export interface PlacedGrant extends Grant {
  unitPath: UnitPath;
}

/**
 * The signed-in account behind a request, with its grants as the platform's data holds them now (never
 * as a token claims them). Every access decision about tenant data goes through `authorize`.
 */
export class Caller {
  readonly #proof = true;

  private constructor(
    readonly ctx: TenantContext,
    readonly accountId: string,
    readonly name: string,
    readonly grants: readonly PlacedGrant[],
  ) {}

  /**
   * Loads the account of a verified identity and its grants (one Query of the account's partition, then
   * the granted units' paths). Null when the account does not exist or is disabled: its token no longer counts.
   */
  static async load(store: Store, identity: VerifiedIdentity): Promise<Caller | null> {
    const ctx = TenantContext.forAccount(identity);
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page = await queryTenantPartition(store, ctx, { partition: accountPartition(ctx, identity.accountId), limit: 100, cursor, consistent: true });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const account = items.find((item) => item.sk === 'ACCOUNT');
    if (account === undefined || account.status !== 'active') return null;
    const grants = items.filter((item) => typeof item.sk === 'string' && item.sk.startsWith('GRANT#')).flatMap((item) => grantOf(item));
    const paths = new Map<string, UnitPath>();
    await Promise.all(
      [...new Set(grants.map((grant) => grant.unitId))].map(async (unitId) => {
        const unit = await getTenantItem(store, ctx, unitKeys(ctx, unitId));
        if (typeof unit?.path === 'string') paths.set(unitId, pathIds(unit.path));
      }),
    );
    // A grant whose unit is gone reaches nothing.
    const placed = grants.flatMap((grant) => {
      const unitPath = paths.get(grant.unitId);
      return unitPath === undefined ? [] : [{ ...grant, unitPath }];
    });
    return new Caller(ctx, identity.accountId, typeof account.name === 'string' ? account.name : '', placed);
  }

  /**
   * The one access check on tenant data. A resource outside every grant's subtree does not exist for the
   * caller (NotFoundError, the same answer as a missing id, so ids cannot be probed); inside, a role
   * that does not allow `action` is a ForbiddenError.
   * @example caller.authorize('unit.manage', pathIds(unit.path), { type: 'unit', id: unit.id })
   */
  authorize(action: Action, path: UnitPath, entity: EntityRef): void {
    if (!this.reaches(path)) throw new NotFoundError(entity);
    if (!allows(this.grants, action, path)) throw new ForbiddenError(action);
  }

  /**
   * The access check for what a unit owns FOR its subtree (the tenant's criteria sets, owned by the root;
   * a campaign of a Phòng): the units inside use it, so their grants see it too; only grants at the owner
   * or above manage it. Unrelated to the owner's subtree → NotFoundError; related, but no grant of the
   * right place allows `action` → ForbiddenError.
   * @example caller.authorizeOwned('campaign.read', pathIds(campaign.ownerPath), entity, 'use')
   */
  authorizeOwned(action: Action, ownerPath: UnitPath, entity: EntityRef, mode: 'use' | 'manage'): void {
    const verdict = this.judgeOwned(action, ownerPath, mode);
    if (verdict === 'unrelated') throw new NotFoundError(entity);
    if (verdict === 'forbidden') throw new ForbiddenError(action);
  }

  /** What `authorizeOwned` decides, without throwing: for listings, which leave out what the caller may not see. */
  judgeOwned(action: Action, ownerPath: UnitPath, mode: 'use' | 'manage'): 'allowed' | 'forbidden' | 'unrelated' {
    const ownerId = ownerPath.at(-1);
    const above = this.grants.filter((grant) => ownerPath.includes(grant.unitId));
    const inside = ownerId === undefined ? [] : this.grants.filter((grant) => !ownerPath.includes(grant.unitId) && grant.unitPath.includes(ownerId));
    if (above.length + inside.length === 0) return 'unrelated';
    const eligible = mode === 'use' ? [...above, ...inside] : above;
    return eligible.some((grant) => ROLE_ACTIONS[grant.role].has(action)) ? 'allowed' : 'forbidden';
  }

  /** True when some grant of the caller reaches `path` (whatever its role). */
  reaches(path: UnitPath): boolean {
    return this.grants.some((grant) => path.includes(grant.unitId));
  }

  /** True when a grant reaching `path` allows `action`. */
  can(action: Action, path: UnitPath): boolean {
    return allows(this.grants, action, path);
  }

  /** The unit ids whose subtrees hold everything the caller may `action`, none inside another: what listings query. */
  scopeRoots(action: Action): string[] {
    return scopeRoots(this.grants, action, (unitId) => this.grants.find((grant) => grant.unitId === unitId)?.unitPath);
  }

  /**
   * The root unit (the Sở) as a path: where tenant-wide resources sit (criteria sets, the Sở's
   * campaigns), so only grants at the root manage them. Empty for a caller without grants: it reaches nothing.
   */
  get rootPath(): UnitPath {
    const root = this.grants[0]?.unitPath[0];
    return root === undefined ? [] : [root];
  }

  /** Roles the caller holds anywhere, for the UI's navigation. */
  get roles(): Role[] {
    return [...new Set(this.grants.map((grant) => grant.role))];
  }
}

function grantOf(item: Record<string, unknown>): Grant[] {
  const role = RoleSchema.safeParse(item.role);
  if (typeof item.unitId !== 'string' || !role.success) return [];
  return [{ unitId: item.unitId, role: role.data }];
}
