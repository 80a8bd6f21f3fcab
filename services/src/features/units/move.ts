import type { Caller } from '../../auth/caller.ts';
import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { ConflictError } from '../../errors.ts';
import { copyId, itemsOf, takeItems } from './move-copies.ts';
import { assertSubtreeSettled, settledLineage } from './move-guard.ts';
import { BATCH_COPIES, FINISH_COPIES, type PathCopy, type UnitMoveRepository } from './move-repository.ts';
import { assertCanHoldChildren, refusal, rootRefusal } from './refusals.ts';
import { unitEntity } from './repository.ts';
import type { StoredUnit, UnitDetail, UnitMove, UnitMoveRequest } from './schemas.ts';
import { type UnitDeps, ancestorsOf, detailOf, nowOf, requireUnit } from './use-cases.ts';

export interface MoveDeps extends UnitDeps {
  moves: UnitMoveRepository;
}

// A batch whose conditions fail because the indexes lagged (or a crashed run did part of it) is re-read and retried.
const RETRIES = 3;

/**
 * Moves a unit with its subtree under another active office (DATA-MODEL.md, "The unit tree"). The
 * caller manages both the unit and the new parent. The unit is first marked `moving`, which stops
 * creations and moves beneath it (move-guard.ts); then the paths copied from the subtree (descendants,
 * accounts at home there, submissions of its schools, campaigns it owns) are rewritten in batches;
 * then the unit itself moves and the mark is cleared. A move cut short (a crash, a timeout) leaves the
 * mark: sending the same request again (same parentId, the marked version) resumes it, and the
 * batches' conditions make the rerun safe.
 */
export async function moveUnit(deps: MoveDeps, caller: Caller, unitId: string, request: UnitMoveRequest): Promise<UnitDetail> {
  const started = await startMove(deps, caller, unitId, request);
  if (started.moving === null) return detailOf(started, await ancestorsOf(deps, caller.ctx, started));
  const moved = await completeMove(deps, caller.ctx, started);
  return detailOf(moved, await ancestorsOf(deps, caller.ctx, moved));
}

/**
 * Checks a move and marks the unit (or finds it marked for this very move, to resume). Returns the
 * unit unmarked when the move changes nothing (same parent).
 */
export async function startMove(deps: MoveDeps, caller: Caller, unitId: string, request: UnitMoveRequest): Promise<StoredUnit> {
  const ctx = caller.ctx;
  const unit = await requireUnit(deps, ctx, unitId);
  caller.authorize('unit.manage', pathIds(unit.path), unitEntity(unit.id));
  if (unit.parentId === null) throw rootRefusal('root-cannot-move', unit.name);
  const parent = await requireUnit(deps, ctx, request.parentId);
  caller.authorize('unit.manage', pathIds(parent.path), unitEntity(parent.id));
  if (unit.version !== request.version) throw new ConflictError(unitEntity(unit.id), unit.version, 'stale');
  if (unit.moving !== null) {
    if (unit.moving.toParentId === parent.id) return unit;
    throw refusal(
      'move-in-progress',
      'body.parentId',
      `“${unit.name}” đang được chuyển tới đơn vị khác; hãy hoàn tất việc chuyển đó trước (gửi lại với parentId ${unit.moving.toParentId})`,
      `"${unit.name}" is already being moved elsewhere; complete that move first (send it again with parentId ${unit.moving.toParentId})`,
    );
  }
  if (parent.id === unit.id || pathIds(parent.path).includes(unit.id)) {
    throw refusal(
      'move-into-own-subtree',
      'body.parentId',
      `Không thể chuyển “${unit.name}” vào chính nó hoặc vào một đơn vị trực thuộc nó`,
      `"${unit.name}" cannot be moved under itself or under one of its own descendants`,
    );
  }
  // Lineages whose paths match the ones read above: the new path is computed from the parent's.
  const [unitLine, targetLine] = await Promise.all([
    settledLineage(deps.units, ctx, unit.path, 'params.unitId'),
    settledLineage(deps.units, ctx, parent.path, 'body.parentId'),
  ]);
  assertCanHoldChildren(parent, 'body.parentId');
  if (parent.id === unit.parentId) return unit;
  assertSubtreeSettled(await deps.units.listSubtree(ctx, unit.path), unit, 'params.unitId');
  const mark: UnitMove = { toParentId: parent.id, fromPath: unit.path, toPath: `${parent.path}${unit.id}/`, startedAt: nowOf(deps) };
  return deps.moves.mark(ctx, unit, mark, [...unitLine.slice(0, -1), ...targetLine], mark.startedAt);
}

/**
 * Runs a marked move to its end: batches of path copies (units, accounts, submission heads, campaign
 * owners; move-copies.ts) while more remain than the last transaction holds, then one more look for
 * any the indexes showed late, then the last transaction.
 */
export async function completeMove(deps: MoveDeps, ctx: TenantContext, unit: StoredUnit): Promise<StoredUnit> {
  const mark = unit.moving;
  if (mark === null) return unit;
  const done = new Set<string>();
  for (;;) {
    const pending = (await deps.moves.pending(ctx, mark, unit.id)).filter((copy) => !done.has(copyId(copy)));
    if (itemsOf(pending) <= FINISH_COPIES) return finish(deps, ctx, unit, mark, pending);
    while (itemsOf(pending) > FINISH_COPIES) {
      const batch = takeItems(pending, BATCH_COPIES);
      await withRetries(deps, ctx, unit, mark, batch, async (copies) => {
        if (copies.length > 0) await deps.moves.rewrite(ctx, unit, mark, copies);
      });
      for (const copy of batch) done.add(copyId(copy));
    }
  }
}

async function finish(deps: MoveDeps, ctx: TenantContext, unit: StoredUnit, mark: UnitMove, copies: PathCopy[]): Promise<StoredUnit> {
  return withRetries(deps, ctx, unit, mark, copies, async (fresh) => {
    const parent = await requireUnit(deps, ctx, mark.toParentId);
    assertCanHoldChildren(parent, 'body.parentId');
    if (`${parent.path}${unit.id}/` !== mark.toPath) {
      throw refusal(
        'move-target-changed',
        'body.parentId',
        `Đơn vị đích “${parent.name}” đã đổi vị trí trong lúc chuyển; hãy liên hệ quản trị hệ thống`,
        `The target unit "${parent.name}" changed place during the move; contact the system administrator`,
      );
    }
    return deps.moves.finish(ctx, unit, mark, parent, fresh, nowOf(deps));
  });
}

/**
 * Runs `step` on `copies`; when a copy's condition fails (already rewritten by an earlier run, or read
 * from a lagging index) the copies are re-read and the step retried with those still to do. A failed
 * check on the moving unit itself is not retried: the move is no longer the one marked.
 */
async function withRetries<T>(deps: MoveDeps, ctx: TenantContext, unit: StoredUnit, mark: UnitMove, copies: PathCopy[], step: (copies: PathCopy[]) => Promise<T>): Promise<T> {
  let current = copies;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step(current);
    } catch (error) {
      const onUnit = error instanceof ConflictError && error.entity.type === 'unit' && error.entity.id === unit.id;
      if (!(error instanceof ConflictError) || onUnit || attempt >= RETRIES) throw error;
      current = await deps.moves.refresh(ctx, current, mark, unit.id);
    }
  }
}
