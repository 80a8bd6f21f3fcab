import type { Context } from 'hono';
import { Caller } from '../auth/caller.ts';
import { SystemAdmin } from '../auth/system-admin.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './errors.ts';

/**
 * Who may call a route, and what the route's handler receives about the caller. The route definition
 * names its Access, so the check, the handler's typed input and the OpenAPI `security` come from one place.
 */
export interface Access<Principal extends object> {
  /** The OpenAPI security scheme that documents it; null for public routes. */
  scheme: { name: string; definition: Record<string, string> } | null;
  /** Returns what the handler gets about the caller, or throws a 401/403 HttpError. */
  authenticate(c: Context<AppEnv>): Principal | Promise<Principal>;
}

/** Anyone, signed in or not. */
export const publicAccess: Access<Record<never, never>> = {
  scheme: null,
  authenticate: () => ({}),
};

/**
 * The platform's operators, by the SYSTEM_ADMIN_TOKEN bearer token. Stand-in until the account model
 * with roles and JWTs arrives; it stays afterwards for automation and for creating the first tenants.
 */
export const systemAdminAccess: Access<{ admin: SystemAdmin }> = {
  scheme: {
    name: 'systemAdmin',
    definition: { type: 'http', scheme: 'bearer', description: 'The SYSTEM_ADMIN_TOKEN of the deployment.' },
  },
  authenticate(c) {
    const admin = SystemAdmin.authenticate(bearerToken(c), c.var.deps.systemAdminToken);
    if (admin === null) {
      throw new HttpError(
        401,
        'unauthorized',
        'Cần mã truy cập quản trị hệ thống hợp lệ (Authorization: Bearer …)',
        'A valid system-admin token is required (Authorization: Bearer …)',
        [],
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    return { admin };
  },
};

/**
 * A signed-in account of a tenant: its bearer token is verified (our JWT or Cognito's), then the account
 * and its grants are read from the platform's data. The handler gets the Caller, whose `authorize` is
 * the one place that checks a resource against the caller's grants in the unit tree.
 */
export const accountAccess: Access<{ caller: Caller }> = {
  scheme: {
    name: 'account',
    definition: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Mã truy cập của tài khoản (POST /api/auth/sign-in, hoặc Cognito) / An account access token (sign-in, or Cognito).',
    },
  },
  async authenticate(c) {
    const token = bearerToken(c);
    const identity = token === null ? null : await c.var.deps.authenticator.verify(token);
    const caller = identity === null ? null : await Caller.load(c.var.deps.store, identity);
    if (caller === null) {
      throw new HttpError(
        401,
        'unauthorized',
        'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại',
        'The session is invalid or has expired; sign in again',
        [],
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    return { caller };
  },
};

function bearerToken(c: Context<AppEnv>): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? null;
}
