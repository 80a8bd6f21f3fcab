import type { UnitKind } from '@chiso/criteria';
import type { Caller } from '../../auth/caller.ts';
import { ROLE_LABELS, RoleSchema, isOfficeKind, roleFitsUnit } from '../../auth/roles.ts';
import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { newId } from '../../db/ids.ts';
import type { Page } from '../../db/query.ts';
import { ConflictError, NotFoundError, StateConflictError } from '../../errors.ts';
import { settledLineage } from './move-guard.ts';
import { assertCanHoldChildren, assertNotMoving, codeTaken, invalid, refusal, rootRefusal } from './refusals.ts';
import { type UnitChanges, type UnitRepository, unitEntity } from './repository.ts';
import { type CreateUnit, type StoredUnit, type Unit, type UnitDetail, UnitSchema, type UnitUpdate } from './schemas.ts';

export interface UnitDeps {
  units: UnitRepository;
  now?: () => string;
}

export const nowOf = (deps: { now?: () => string }): string => (deps.now ?? (() => new Date().toISOString()))();

/** The unit `unitId` of the caller's tenant; NotFoundError if there is none. */
export async function requireUnit(deps: UnitDeps, ctx: TenantContext, unitId: string): Promise<StoredUnit> {
  const unit = await deps.units.get(ctx, unitId);
  if (unit === null) throw new NotFoundError(unitEntity(unitId));
  return unit;
}

/** The ancestors of `unit`, from the root down to its parent (consistent reads). */
export function ancestorsOf(deps: UnitDeps, ctx: TenantContext, unit: Unit): Promise<StoredUnit[]> {
  return deps.units.getMany(ctx, pathIds(unit.path).slice(0, -1));
}

/** A unit as the API shows one: with its move under way and its ancestors for breadcrumbs. */
export function detailOf(unit: StoredUnit, ancestors: readonly Unit[]): UnitDetail {
  return { ...UnitSchema.parse(unit), moving: unit.moving, ancestors: ancestors.map(({ id, name, kind }) => ({ id, name, kind })) };
}

/**
 * Reads a unit the caller is about to change: it must exist and be within the caller's reach with
 * `unit.manage`, neither it nor an ancestor may be moving, and the version must be the one the caller saw.
 */
async function unitToChange(deps: UnitDeps, caller: Caller, unitId: string, version: number): Promise<{ unit: StoredUnit; ancestors: StoredUnit[] }> {
  const unit = await requireUnit(deps, caller.ctx, unitId);
  caller.authorize('unit.manage', pathIds(unit.path), unitEntity(unit.id));
  const ancestors = await ancestorsOf(deps, caller.ctx, unit);
  assertNotMoving([...ancestors, unit], 'params.unitId');
  if (unit.version !== version) throw new ConflictError(unitEntity(unit.id), unit.version, 'stale');
  return { unit, ancestors };
}

/** A code clash lost in the transaction itself (two creations at once) reads as the same refusal as one found before. */
function asCodeClash(error: unknown, code: string | null | undefined): unknown {
  return error instanceof ConflictError && error.reason === 'exists' && typeof code === 'string' && error.entity.id === code ? codeTaken(code) : error;
}

async function assertCodeFree(deps: UnitDeps, ctx: TenantContext, code: string, ownerId: string | null): Promise<void> {
  const holder = await deps.units.findByCode(ctx, code);
  if (holder !== null && holder !== ownerId) throw codeTaken(code);
}

/** Creates a unit under an active office the caller manages; its code, if any, must be free in the tenant. */
export async function createUnit(deps: UnitDeps, caller: Caller, input: CreateUnit): Promise<UnitDetail> {
  const ctx = caller.ctx;
  const parent = await requireUnit(deps, ctx, input.parentId);
  caller.authorize('unit.manage', pathIds(parent.path), unitEntity(parent.id));
  // The new unit copies its parent's path: it waits for a move there and is conditioned on the lineage read.
  const ancestors = (await settledLineage(deps.units, ctx, parent.path, 'body.parentId')).slice(0, -1);
  assertCanHoldChildren(parent, 'body.parentId');
  const code = input.code ?? null;
  if (code !== null) await assertCodeFree(deps, ctx, code, null);
  const at = nowOf(deps);
  const id = newId();
  const unit: Unit = {
    id,
    parentId: parent.id,
    name: input.name,
    kind: input.kind,
    code,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.units.insert(ctx, unit, parent, ancestors);
  } catch (error) {
    throw asCodeClash(error, code);
  }
  return detailOf({ ...unit, moving: null }, [...ancestors, parent]);
}

/** A unit within the caller's reach, with its ancestors. */
export async function getUnit(deps: UnitDeps, caller: Caller, unitId: string): Promise<UnitDetail> {
  const unit = await requireUnit(deps, caller.ctx, unitId);
  caller.authorize('unit.read', pathIds(unit.path), unitEntity(unit.id));
  return detailOf(unit, await ancestorsOf(deps, caller.ctx, unit));
}

/** One page of a unit's children, by name. */
export async function listChildren(deps: UnitDeps, caller: Caller, unitId: string, page: { limit: number; cursor: string | null }): Promise<Page<Unit>> {
  const unit = await requireUnit(deps, caller.ctx, unitId);
  caller.authorize('unit.read', pathIds(unit.path), unitEntity(unit.id));
  return deps.units.childrenPage(caller.ctx, unit.id, page);
}

/**
 * Renames a unit, changes its kind or its code, from the version the caller saw. The root stays the
 * Sở; a school stays a school (of any school kind); an office becomes a school only without children
 * and without office roles granted there. A change that changes nothing writes nothing.
 */
export async function updateUnit(deps: UnitDeps, caller: Caller, unitId: string, update: UnitUpdate): Promise<UnitDetail> {
  const ctx = caller.ctx;
  const { unit, ancestors } = await unitToChange(deps, caller, unitId, update.version);
  const changes: UnitChanges = {};
  if (update.name !== undefined && update.name !== unit.name) changes.name = update.name;
  if (update.kind !== undefined && update.kind !== unit.kind) {
    await assertKindChange(deps, ctx, unit, update.kind);
    changes.kind = update.kind;
  }
  if (update.code !== undefined && update.code !== unit.code) {
    if (update.code !== null) await assertCodeFree(deps, ctx, update.code, unit.id);
    changes.code = update.code;
  }
  if (Object.keys(changes).length === 0) return detailOf(unit, ancestors);
  try {
    return detailOf(await deps.units.update(ctx, unit, changes, nowOf(deps)), ancestors);
  } catch (error) {
    throw asCodeClash(error, changes.code);
  }
}

async function assertKindChange(deps: UnitDeps, ctx: TenantContext, unit: Unit, kind: UnitKind): Promise<void> {
  if (unit.parentId === null) {
    throw invalid('root-kind-fixed', 'body.kind', 'Đơn vị gốc (Sở) luôn có loại provincial-department', 'The root unit (the Sở) is always of kind provincial-department');
  }
  if (kind === 'provincial-department') {
    throw invalid(
      'kind-reserved',
      'body.kind',
      'Loại “provincial-department” (Sở GDĐT) chỉ dành cho đơn vị gốc',
      'The kind provincial-department belongs to the root unit alone',
    );
  }
  if (!isOfficeKind(unit.kind) && isOfficeKind(kind)) {
    throw invalid(
      'school-stays-school',
      'body.kind',
      'Trường học chỉ có thể đổi sang một loại trường khác, không thể thành Phòng GDĐT',
      'A school can only change to another school kind, not become an office',
    );
  }
  if (isOfficeKind(unit.kind) && !isOfficeKind(kind) && (await deps.units.childrenPage(ctx, unit.id, { limit: 1, cursor: null })).items.length > 0) {
    throw refusal(
      'has-children',
      'body.kind',
      `“${unit.name}” còn đơn vị trực thuộc nên không thể trở thành trường học; hãy chuyển các đơn vị đó đi trước`,
      `"${unit.name}" has units beneath it and cannot become a school; move them away first`,
    );
  }
  const unfit = (await deps.units.rolesGrantedAt(ctx, unit.id)).flatMap((role) => {
    const parsed = RoleSchema.safeParse(role);
    return parsed.success && !roleFitsUnit(parsed.data, kind) ? [parsed.data] : [];
  });
  if (unfit.length > 0) {
    const labels = unfit.map((role) => ROLE_LABELS[role]);
    throw refusal(
      'grants-do-not-fit',
      'body.kind',
      `Tại đơn vị này còn tài khoản giữ vai trò ${labels.map((l) => `“${l.vi}”`).join(', ')}, không phù hợp với loại đơn vị mới; hãy thu hồi trước`,
      `Accounts still hold the role(s) ${labels.map((l) => `"${l.en}"`).join(', ')} here, which do not fit the new kind; revoke them first`,
    );
  }
}

/** The most active children a refused deactivation names one by one. */
const LISTED_CHILDREN = 50;

/**
 * Deactivates a unit. The root never is; an office with active units beneath it is refused with their
 * list (they are moved elsewhere or deactivated first), so an active unit always has an active parent.
 */
export async function deactivateUnit(deps: UnitDeps, caller: Caller, unitId: string, version: number): Promise<UnitDetail> {
  const { unit, ancestors } = await unitToChange(deps, caller, unitId, version);
  if (unit.parentId === null) throw rootRefusal('root-cannot-deactivate', unit.name);
  if (unit.status === 'inactive') return detailOf(unit, ancestors);
  const active = (await deps.units.allChildren(caller.ctx, unit.id)).filter((child) => child.status === 'active');
  if (active.length > 0) {
    throw new StateConflictError(
      'has-active-children',
      `Còn ${active.length} đơn vị trực thuộc “${unit.name}” đang hoạt động; hãy chuyển đi hoặc ngừng hoạt động các đơn vị đó trước`,
      `${active.length} units beneath "${unit.name}" are still active; move or deactivate them first`,
      [
        {
          path: 'params.unitId',
          code: 'has-active-children',
          messageVi: `Còn ${active.length} đơn vị trực thuộc đang hoạt động`,
          messageEn: `${active.length} units beneath are still active`,
        },
        ...active.slice(0, LISTED_CHILDREN).map((child) => ({
          path: `children.${child.id}`,
          code: 'active-child',
          messageVi: `Đơn vị trực thuộc “${child.name}” vẫn đang hoạt động`,
          messageEn: `The unit "${child.name}" beneath is still active`,
        })),
      ],
    );
  }
  return detailOf(await deps.units.setStatus(caller.ctx, unit, 'inactive', nowOf(deps), null), ancestors);
}

/** Reactivates a unit whose parent is active (conditioned on the parent's version, so it stays so). */
export async function reactivateUnit(deps: UnitDeps, caller: Caller, unitId: string, version: number): Promise<UnitDetail> {
  const { unit, ancestors } = await unitToChange(deps, caller, unitId, version);
  if (unit.status === 'active') return detailOf(unit, ancestors);
  const parent = ancestors.at(-1) ?? null;
  if (parent !== null && parent.status !== 'active') {
    throw refusal(
      'parent-inactive',
      'params.unitId',
      `Đơn vị cấp trên “${parent.name}” đang ngừng hoạt động; hãy kích hoạt lại đơn vị đó trước`,
      `The parent unit "${parent.name}" is inactive; reactivate it first`,
    );
  }
  return detailOf(await deps.units.setStatus(caller.ctx, unit, 'active', nowOf(deps), parent), ancestors);
}
