import type { Caller } from '../../auth/caller.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import type { Role } from '../../auth/roles.ts';
import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { Page } from '../../db/query.ts';
import { ConflictError, ForbiddenError, InvalidInputsError, NotFoundError, StateConflictError } from '../../errors.ts';
import { formatPath } from '../../validation/format-path.ts';
import { lockedFor, signInThrottle, tooManyAttempts } from '../auth/throttle.ts';
import type { TenantRepository } from '../tenants/repository.ts';
import { lineageGuards, settledLineage } from '../units/move-guard.ts';
import { type UnitRepository, unitEntity } from '../units/repository.ts';
import { assertMayGrant, assertMayManage } from './access.ts';
import { grantViews } from './grant-views.ts';
import { listAcrossRoots } from './listing.ts';
import { type AccountChanges, type AccountRepository, accountEntity, grantEntity } from './repository.ts';
import type {
  Account,
  AccountDetail,
  AccountUpdate,
  CreateAccount,
  CreateFirstAdmin,
  GrantInput,
  GrantItem,
  GrantView,
  SetPassword,
} from './schemas.ts';

export interface AccountDeps {
  store: Store;
  accounts: AccountRepository;
  units: UnitRepository;
  now?: () => Date;
}

const nowOf = (deps: AccountDeps) => (deps.now ?? (() => new Date()))();

async function requireUnit(deps: AccountDeps, ctx: TenantContext, unitId: string) {
  const unit = await deps.units.get(ctx, unitId);
  if (unit === null) throw new NotFoundError(unitEntity(unitId));
  return unit;
}

async function requireAccount(deps: AccountDeps, ctx: TenantContext, accountId: string): Promise<{ account: Account; grants: GrantItem[] }> {
  const found = await deps.accounts.getWithGrants(ctx, accountId);
  if (found === null) throw new NotFoundError(accountEntity(accountId));
  return found;
}

/** The grants of an account with their units, for the access rules and the answer alike. */
async function detailOf(deps: AccountDeps, ctx: TenantContext, found: { account: Account; grants: GrantItem[] }): Promise<AccountDetail> {
  return { account: found.account, grants: await grantViews(deps.units, ctx, found.grants) };
}

/**
 * Creates an account at a home unit with its grants. The caller manages accounts at the home unit and
 * at every granted unit (404 outside its reach), each role fits its unit (400) and is one the caller
 * may hand out (403). Nothing is written unless all of it holds; a taken login or email is a 409 naming
 * it, and so is a home or granted unit being moved (`unit-moving`). The account copies its home's path,
 * so it is also conditioned on the versions of the home and the units above it (units/move-guard.ts).
 */
export async function createAccount(deps: AccountDeps, caller: Caller, input: CreateAccount): Promise<AccountDetail> {
  const { ctx } = caller;
  const home = await requireUnit(deps, ctx, input.homeUnitId);
  caller.authorize('account.manage', pathIds(home.path), unitEntity(home.id));
  await checkGrants(deps, caller, input.grants);
  const lineage = await settledLineage(deps.units, ctx, home.path, 'body.homeUnitId');
  return insertAccount(deps, ctx, { ...input, home, guards: lineageGuards(lineage) });
}

/** The first province admin of a tenant, at its root unit (the Sở): how a system admin hands a new province over. */
export async function createFirstAdmin(deps: AccountDeps & { tenants: TenantRepository }, ctx: TenantContext, input: CreateFirstAdmin): Promise<AccountDetail> {
  const tenant = await deps.tenants.get(ctx);
  if (tenant === null) throw new NotFoundError({ type: 'tenant', id: ctx.tenantId });
  const root = await deps.units.get(ctx, tenant.rootUnitId);
  if (root === null) throw new Error(`The root unit of tenant ${ctx.tenantId} is missing`);
  return insertAccount(deps, ctx, { ...input, home: root, grants: [{ unitId: root.id, role: 'province-admin' }] });
}

async function checkGrants(deps: AccountDeps, caller: Caller, grants: readonly GrantInput[]): Promise<void> {
  const seen = new Set<string>();
  for (const [i, grant] of grants.entries()) {
    const key = `${grant.unitId}#${grant.role}`;
    if (seen.has(key)) {
      throw new InvalidInputsError([
        { path: formatPath(['body', 'grants', i]), code: 'duplicate-grant', messageVi: 'Vai trò này tại đơn vị này đã có ở trên', messageEn: 'This role at this unit is already listed' },
      ]);
    }
    seen.add(key);
    const unit = await requireUnit(deps, caller.ctx, grant.unitId);
    assertMayGrant(caller, unit, grant.role, ['body', 'grants', i]);
    await settledLineage(deps.units, caller.ctx, unit.path, formatPath(['body', 'grants', i, 'unitId']));
  }
}

interface AccountInput {
  home: { id: string; path: string };
  login: string;
  email?: string | null | undefined;
  name: string;
  position?: string | null | undefined;
  phone?: string | null | undefined;
  password?: string | undefined;
  cognitoSub?: string | undefined;
  grants: readonly { unitId: string; role: Role }[];
  /** The units whose versions the creation is conditioned on (the home's lineage). */
  guards?: readonly { id: string; version: number }[];
}

async function insertAccount(deps: AccountDeps, ctx: TenantContext, input: AccountInput): Promise<AccountDetail> {
  const at = nowOf(deps).toISOString();
  const account: Account = {
    id: newId(),
    login: input.login,
    email: input.email ?? null,
    name: input.name,
    position: input.position ?? null,
    phone: input.phone ?? null,
    homeUnitId: input.home.id,
    homePath: input.home.path,
    status: 'active',
    ...(input.cognitoSub !== undefined && { cognitoSub: input.cognitoSub }),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const grants = input.grants.map(({ unitId, role }) => ({ unitId, role }));
  await deps.accounts.insert(ctx, { account, passwordHash, grants }, input.guards);
  return detailOf(deps, ctx, { account, grants: grants.map((grant) => ({ ...grant, accountId: account.id, version: 1, createdAt: at })) });
}

/** One page of the accounts in the caller's `account.read` scope (or in the subtree of `unitId` within it), by home unit path. */
export async function listAccounts(
  deps: AccountDeps,
  caller: Caller,
  query: { unitId?: string | undefined; limit: number; cursor: string | null },
): Promise<Page<Account>> {
  let roots: string[];
  if (query.unitId !== undefined) {
    const unit = await requireUnit(deps, caller.ctx, query.unitId);
    caller.authorize('account.read', pathIds(unit.path), unitEntity(unit.id));
    roots = [unit.path];
  } else {
    const ids = caller.scopeRoots('account.read');
    if (ids.length === 0) throw new ForbiddenError('account.read');
    const pathOf = new Map(caller.grants.map((grant) => [grant.unitId, grant.unitPath]));
    roots = ids.flatMap((id) => {
      const path = pathOf.get(id);
      return path === undefined ? [] : [`${path.join('/')}/`];
    });
  }
  return listAcrossRoots(roots.sort(), query, (path, page) => deps.accounts.listInSubtree(caller.ctx, path, page));
}

/** An account with its grants: for those who may read accounts at its home unit, and for the account itself. */
export async function getAccount(deps: AccountDeps, caller: Caller, accountId: string): Promise<AccountDetail> {
  const found = await requireAccount(deps, caller.ctx, accountId);
  if (accountId !== caller.accountId) caller.authorize('account.read', pathIds(found.account.homePath), accountEntity(accountId));
  return detailOf(deps, caller.ctx, found);
}

/** Loads an account for a change by the caller: 404 outside its reach, 403 when it may not manage it. */
async function forManagement(deps: AccountDeps, caller: Caller, accountId: string) {
  const found = await requireAccount(deps, caller.ctx, accountId);
  const detail = await detailOf(deps, caller.ctx, found);
  assertMayManage(caller, found.account, detail.grants);
  return { ...found, detail };
}

/**
 * Edits an account, disables or enables it, from the version the caller read (409 when stale). A
 * disabled account's tokens stop working at its next request. Nobody disables their own account.
 */
export async function updateAccount(deps: AccountDeps, caller: Caller, accountId: string, update: AccountUpdate): Promise<AccountDetail> {
  const { account, detail } = await forManagement(deps, caller, accountId);
  if (account.version !== update.version) throw new ConflictError(accountEntity(accountId), account.version, 'stale');
  if (update.status === 'disabled' && accountId === caller.accountId) {
    throw new StateConflictError('cannot-disable-self', 'Không thể tự khóa tài khoản của chính mình', 'You cannot disable your own account', [], account.version);
  }
  const changes: AccountChanges = {};
  if (update.name !== undefined && update.name !== account.name) changes.name = update.name;
  if (update.email !== undefined && update.email !== account.email) changes.email = update.email;
  if (update.position !== undefined && update.position !== account.position) changes.position = update.position;
  if (update.phone !== undefined && update.phone !== account.phone) changes.phone = update.phone;
  if (update.status !== undefined && update.status !== account.status) changes.status = update.status;
  if (Object.keys(changes).length === 0) return detail;
  const next = await deps.accounts.update(caller.ctx, account, changes, nowOf(deps).toISOString());
  return { account: next, grants: detail.grants };
}

/**
 * Sets a new password. The account itself gives its current one (a stolen session is not enough to
 * keep the account), and wrong guesses count toward the same lock as at sign-in; an admin who may
 * manage the account sets one without it.
 */
export async function setPassword(deps: AccountDeps, caller: Caller, accountId: string, input: SetPassword): Promise<void> {
  const { ctx } = caller;
  if (accountId === caller.accountId) {
    const own = await deps.accounts.getWithSecret(ctx, accountId);
    if (own === null) throw new NotFoundError(accountEntity(accountId));
    await checkCurrentPassword(deps, ctx, own.account, own.passwordHash, input.currentPassword);
    await deps.accounts.setPassword(ctx, own.account, await hashPassword(input.newPassword), 'self', nowOf(deps).toISOString());
    return;
  }
  const { account } = await forManagement(deps, caller, accountId);
  await deps.accounts.setPassword(ctx, account, await hashPassword(input.newPassword), 'admin', nowOf(deps).toISOString());
}

async function checkCurrentPassword(deps: AccountDeps, ctx: TenantContext, account: Account, hash: string | null, current: string | undefined): Promise<void> {
  const wrong = (code: string, vi: string, en: string) => new InvalidInputsError([{ path: 'body.currentPassword', code, messageVi: vi, messageEn: en }]);
  if (current === undefined) throw wrong('required', 'Cần mật khẩu hiện tại', 'Your current password is required');
  if (hash === null) throw wrong('no-password', 'Tài khoản chưa có mật khẩu; hãy nhờ quản trị đặt', 'The account has no password yet; ask an administrator to set one');
  const throttle = signInThrottle(deps.store);
  const now = nowOf(deps);
  const state = await throttle.read(ctx, { login: account.login, accountId: account.id }, now);
  const wait = lockedFor(state.attempts, now);
  if (wait !== null) throw tooManyAttempts(wait);
  if (await verifyPassword(current, hash)) return throttle.reset(state);
  await throttle.recordFailure(state, now);
  throw wrong('wrong-password', 'Mật khẩu hiện tại không đúng', 'The current password is wrong');
}

/**
 * Adds a role at a unit to an account the caller may manage; the role must fit the unit and be the
 * caller's to give, and the unit may not be being moved (409 `unit-moving`).
 */
export async function addGrant(deps: AccountDeps, caller: Caller, accountId: string, input: GrantInput): Promise<GrantView> {
  await forManagement(deps, caller, accountId);
  const unit = await requireUnit(deps, caller.ctx, input.unitId);
  assertMayGrant(caller, unit, input.role, ['body']);
  await settledLineage(deps.units, caller.ctx, unit.path, 'body.unitId');
  const grant = await deps.accounts.addGrant(caller.ctx, accountId, input, nowOf(deps).toISOString());
  const [view] = await grantViews(deps.units, caller.ctx, [grant]);
  if (view === undefined) throw new Error('unreachable: one grant gives one view');
  return view;
}

/** Revokes a role; the account's next request no longer has it (grants are read per request). */
export async function revokeGrant(deps: AccountDeps, caller: Caller, accountId: string, target: { unitId: string; role: Role }): Promise<void> {
  const { grants, detail } = await forManagement(deps, caller, accountId);
  const grant = grants.find((candidate) => candidate.unitId === target.unitId && candidate.role === target.role);
  if (grant === undefined) throw new NotFoundError(grantEntity(accountId, target.unitId, target.role));
  const unit = detail.grants.find((view) => view.unitId === grant.unitId)?.unit ?? null;
  if (unit !== null) assertMayGrant(caller, unit, grant.role, ['params']);
  await deps.accounts.removeGrant(caller.ctx, grant);
}
