import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { embeddedAuthenticator, signAccessToken } from '../auth/account-token.ts';
import { SystemAdmin } from '../auth/system-admin.ts';
import { TenantContext } from '../auth/tenant-context.ts';
import type { Store } from '../db/client.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import type { Route } from '../http/route.ts';

/** The system-admin token of test apps. */
export const TEST_ADMIN_TOKEN = 'test-system-admin-token-0123456789abcdef';

/** The JWT secret of test apps: tokens signed with it are accepted by them. */
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';

/** Headers of a system admin's JSON request. */
export const adminHeaders = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

/** The app over `store`, with TEST_ADMIN_TOKEN as the system-admin token and TEST_JWT_SECRET for accounts; `extra` adds evidence storage or link-check settings. */
export function createTestApp(store: Store, routes?: readonly Route[], extra: Pick<AppDeps, 'evidenceStorage' | 'linkCheck'> = {}): Hono<AppEnv> {
  return createApp(
    { store, systemAdminToken: TEST_ADMIN_TOKEN, authenticator: embeddedAuthenticator(TEST_JWT_SECRET), jwtSecret: TEST_JWT_SECRET, ...extra },
    routes,
  );
}

/** Headers of a JSON request by an account, with a token as sign-in would issue it. */
export async function accountHeaders(tenantId: string, accountId: string): Promise<Record<string, string>> {
  const { token } = await signAccessToken(TEST_JWT_SECRET, { tenantId, accountId });
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** A tenant context held by a system admin, as the system-admin routes make it. */
export function adminContext(tenantId: string): TenantContext {
  return TenantContext.forSystemAdmin(testAdmin(), tenantId);
}

/** A system admin, as the system-admin routes get it. */
export function testAdmin(): SystemAdmin {
  const admin = SystemAdmin.authenticate(TEST_ADMIN_TOKEN, TEST_ADMIN_TOKEN);
  if (admin === null) throw new Error('unreachable: the test token authenticates itself');
  return admin;
}
