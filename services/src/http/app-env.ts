import type { Authenticator } from '../auth/identity.ts';
import type { Store } from '../db/client.ts';

/** What the app needs from outside: built by server.ts, lambda.ts, or a test. */
export interface AppDeps {
  store: Store;
  /** Null switches the system-admin routes off (401). */
  systemAdminToken: string | null;
  /** Verifies account bearer tokens: our own JWTs (embedded) or Cognito's. */
  authenticator: Authenticator;
  /** Signs access tokens at password sign-in; null in Cognito mode, where the user pool signs people in. */
  jwtSecret: string | null;
}

/** Hono's environment type for this app: handlers read `c.var.deps`; `requestId` is set by hono/request-id. */
export interface AppEnv {
  Variables: { deps: AppDeps; requestId: string };
}
