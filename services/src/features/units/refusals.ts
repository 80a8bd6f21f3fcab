import { UNIT_KIND_LABELS } from '@chiso/criteria';
import { InvalidInputsError, StateConflictError } from '../../errors.ts';
import { isOfficeKind } from '../../auth/roles.ts';
import type { Unit } from './schemas.ts';

/**
 * The refusals of the unit tree's rules, each naming the field it is about. 409 when the unit's present
 * state forbids the change (it may pass later: reactivate the parent, move the children away…); 400
 * when the change can never apply to such a unit.
 */
export function refusal(code: string, path: string, vi: string, en: string, currentVersion: number | null = null): StateConflictError {
  return new StateConflictError(code, vi, en, [{ path, code, messageVi: vi, messageEn: en }], currentVersion);
}

export function invalid(code: string, path: string, vi: string, en: string): InvalidInputsError {
  return new InvalidInputsError([{ path, code, messageVi: vi, messageEn: en }]);
}

/** A parent must be an active office: schools have no units beneath them, inactive units receive none. */
export function assertCanHoldChildren(parent: Unit, at: string): void {
  if (!isOfficeKind(parent.kind)) {
    throw refusal(
      'parent-is-school',
      at,
      `“${parent.name}” là trường học (${UNIT_KIND_LABELS[parent.kind].vi}), không thể có đơn vị trực thuộc; hãy chọn Sở hoặc một Phòng GDĐT`,
      `"${parent.name}" is a school (${UNIT_KIND_LABELS[parent.kind].en}) and cannot have units beneath it; choose the Sở or an office`,
    );
  }
  if (parent.status !== 'active') {
    throw refusal(
      'parent-inactive',
      at,
      `Đơn vị cấp trên “${parent.name}” đã ngừng hoạt động; không thể thêm hoặc chuyển đơn vị vào đó`,
      `The parent unit "${parent.name}" is inactive; no unit can be added or moved under it`,
    );
  }
}

/** Writes beneath a unit being moved wait for the move: its subtree's paths are being rewritten. */
export function assertNotMoving(units: readonly (Unit & { moving: unknown })[], at: string): void {
  const moving = units.find((unit) => unit.moving !== null);
  if (moving === undefined) return;
  throw refusal(
    'unit-moving',
    at,
    `Đơn vị “${moving.name}” đang được chuyển sang vị trí mới; hãy thử lại khi việc chuyển hoàn tất`,
    `The unit "${moving.name}" is being moved; try again once the move is complete`,
  );
}

export function codeTaken(code: string): StateConflictError {
  return refusal(
    'code-taken',
    'body.code',
    `Mã đơn vị “${code}” đã được dùng cho một đơn vị khác của Sở`,
    `The unit code "${code}" is already used by another unit of this tenant`,
  );
}

export function rootRefusal(code: 'root-cannot-move' | 'root-cannot-deactivate', name: string): StateConflictError {
  const [vi, en] =
    code === 'root-cannot-move'
      ? [`“${name}” là đơn vị gốc (Sở), không thể chuyển đi nơi khác`, `"${name}" is the root unit (the Sở) and cannot be moved`]
      : [`“${name}” là đơn vị gốc (Sở), không thể ngừng hoạt động`, `"${name}" is the root unit (the Sở) and cannot be deactivated`];
  return refusal(code, 'params.unitId', vi, en);
}
