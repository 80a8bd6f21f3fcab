import type { Store } from '../db/client.ts';

/** What the app needs from outside: built by server.ts, lambda.ts, or a test. */
export interface AppDeps {
  store: Store;
  /** Null switches the system-admin routes off (401). */
  systemAdminToken: string | null;
}

/** Hono's environment type for this app: handlers read `c.var.deps`; `requestId` is set by hono/request-id. */
export interface AppEnv {
  Variables: { deps: AppDeps; requestId: string };
}
