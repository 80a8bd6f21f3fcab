import type { Caller } from '../../auth/caller.ts';
import { ROLES, type Role, roleFitsUnit } from '../../auth/roles.ts';
import { grantsReaching, pathIds } from '../../auth/scope.ts';
import { InvalidInputsError } from '../../errors.ts';
import { HttpError } from '../../http/errors.ts';
import { type Path, formatPath } from '../../validation/format-path.ts';
import { unitEntity } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import { accountEntity } from './repository.ts';
import type { Account } from './schemas.ts';

type PlacedUnit = Pick<Unit, 'id' | 'kind' | 'path'>;

/**
 * The roles each role may hand out within its reach. Province roles come only from a province admin, so
 * an office admin held at the Sở (which reviews the schools under it) cannot make a province admin.
 */
const GRANTABLE: Record<Role, readonly Role[]> = {
  'province-admin': ROLES,
  'province-viewer': [],
  'office-admin': ['office-admin', 'office-reviewer', 'school-editor', 'school-head'],
  'office-reviewer': [],
  'school-editor': [],
  'school-head': [],
};

/** True when a grant of the caller reaching `path` may hand out `role` there. */
function mayHandOut(caller: Caller, role: Role, path: readonly string[]): boolean {
  return grantsReaching(caller.grants, path).some((grant) => GRANTABLE[grant.role].includes(role));
}

/**
 * The caller may give `role` at `unit`: the unit is in its reach with `account.manage` (404 outside,
 * 403 inside without it), the role belongs at a unit of that kind (400 naming `<at>.role`), and the
 * caller's own role there may hand it out (403 otherwise).
 */
export function assertMayGrant(caller: Caller, unit: PlacedUnit, role: Role, at: Path): void {
  const path = pathIds(unit.path);
  const field = formatPath([...at, 'role']);
  caller.authorize('account.manage', path, unitEntity(unit.id));
  if (!roleFitsUnit(role, unit.kind)) {
    throw new InvalidInputsError([
      {
        path: field,
        code: 'role-does-not-fit-unit',
        messageVi: `Vai trò ${role} không dùng được tại đơn vị loại ${unit.kind}`,
        messageEn: `The role ${role} cannot be held at a unit of kind ${unit.kind}`,
      },
    ]);
  }
  if (!mayHandOut(caller, role, path)) {
    throw new HttpError(
      403,
      'role-beyond-own',
      'Vai trò của bạn tại đơn vị này không được trao vai trò đó',
      'Your role at this unit may not grant that role',
      [{ path: field, code: 'role-beyond-own', message: `Bạn không được trao vai trò ${role} tại đây`, messageEn: `You may not grant the role ${role} here` }],
    );
  }
}

/**
 * The caller may manage `account` (edit, disable, reset its password, change its grants): `account.manage`
 * at its home unit, and every role it holds is one the caller may hand out. Otherwise an office admin
 * could take over a province admin homed in its district by resetting the password.
 */
export function assertMayManage(caller: Caller, account: Account, grants: readonly { role: Role; unit: PlacedUnit | null }[]): void {
  caller.authorize('account.manage', pathIds(account.homePath), accountEntity(account.id));
  // A grant whose unit is gone reaches nothing, so it gives nothing to take over.
  const beyond = grants.filter((grant) => grant.unit !== null && !mayHandOut(caller, grant.role, pathIds(grant.unit.path)));
  if (beyond.length > 0) {
    throw new HttpError(
      403,
      'account-beyond-own',
      'Tài khoản này có vai trò vượt quá quyền của bạn; chỉ cấp quản trị cao hơn mới quản lý được',
      'This account holds roles beyond your own; only a higher administrator can manage it',
    );
  }
}
