import { signAccessToken } from '../../auth/account-token.ts';
import type { Caller } from '../../auth/caller.ts';
import { spendVerificationTime, verifyPassword } from '../../auth/password.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { NotFoundError } from '../../errors.ts';
import { HttpError } from '../../http/errors.ts';
import { grantViews } from '../accounts/grant-views.ts';
import { accountEntity, accountRepository, normalizeLogin } from '../accounts/repository.ts';
import { tenantRepository } from '../tenants/repository.ts';
import { unitRepository } from '../units/repository.ts';
import type { Me, Session, SignIn } from './schemas.ts';
import { lockedFor, signInThrottle, tooManyAttempts } from './throttle.ts';

export interface SignInDeps {
  store: Store;
  jwtSecret: string;
  now?: () => Date;
}

// No account has this id (ids are 12 base32 characters): read in place of one, so an unknown login costs the same reads.
const NO_ACCOUNT = 'no-account';

/** 401 `invalid-credentials`: the same answer for a wrong province, login or password, so none of them can be probed. */
export function invalidCredentials(): HttpError {
  return new HttpError(
    401,
    'invalid-credentials',
    'Tỉnh, tên đăng nhập hoặc mật khẩu không đúng',
    'Wrong province, login or password',
  );
}

/**
 * Signs an account in with its login (or email) and password, and issues a short-lived access token.
 * Every failure looks the same (401) and costs the same scrypt time; after 5 failures within 15
 * minutes the login is locked (429 with Retry-After, the password not even checked), each further lock
 * twice as long; a success forgets the failures.
 */
export async function signIn(deps: SignInDeps, input: SignIn): Promise<Session> {
  const now = (deps.now ?? (() => new Date()))();
  const ctx = TenantContext.forSignInAttempt(input.tenant);
  const login = normalizeLogin(input.login);
  // No counter is kept for a province that does not exist: nothing may be written outside real tenants.
  if ((await tenantRepository(deps.store).get(ctx)) === null) {
    await spendVerificationTime(input.password);
    throw invalidCredentials();
  }
  const accounts = accountRepository(deps.store);
  const accountId = await accounts.findIdByLogin(ctx, login);
  const throttle = signInThrottle(deps.store);
  const state = await throttle.read(ctx, { login, accountId }, now);
  const wait = lockedFor(state.attempts, now);
  if (wait !== null) throw tooManyAttempts(wait);

  const found = await accounts.getWithSecret(ctx, accountId ?? NO_ACCOUNT);
  const hash = found?.passwordHash ?? null;
  let verified = false;
  // A disabled account's password is checked too: the time taken must not tell it apart.
  if (hash !== null) verified = await verifyPassword(input.password, hash);
  else await spendVerificationTime(input.password);
  if (found === null || !verified || found.account.status !== 'active') {
    await throttle.recordFailure(state, now);
    throw invalidCredentials();
  }
  await throttle.reset(state);

  const { token, expiresAt } = await signAccessToken(deps.jwtSecret, { tenantId: ctx.tenantId, accountId: found.account.id }, now);
  const withGrants = await accounts.getWithGrants(ctx, found.account.id);
  const grants = await grantViews(unitRepository(deps.store), ctx, withGrants?.grants ?? []);
  return { token, expiresAt, account: found.account, grants };
}

/** The caller's account with its grants as they stand now, and its roles' labels in Vietnamese and English. */
export async function me(store: Store, caller: Caller): Promise<Me> {
  const account = await accountRepository(store).get(caller.ctx, caller.accountId);
  if (account === null) throw new NotFoundError(accountEntity(caller.accountId));
  const grants = await grantViews(unitRepository(store), caller.ctx, caller.grants);
  return { account, grants, roles: caller.roles.map((role) => ({ role, label: ROLE_LABELS[role] })) };
}
