import type { Authenticator } from '../auth/identity.ts';
import type { Store } from '../db/client.ts';
import type { LinkCheckSettings } from '../features/evidence/link-checker.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';

/** What the app needs from outside: built by server.ts, lambda.ts, or a test. */
export interface AppDeps {
  store: Store;
  /** Null switches the system-admin routes off (401). */
  systemAdminToken: string | null;
  /** Verifies account bearer tokens: our own JWTs (embedded) or Cognito's. */
  authenticator: Authenticator;
  /** Signs access tokens at password sign-in; null in Cognito mode, where the user pool signs people in. */
  jwtSecret: string | null;
  /** Where evidence files are kept (local disk or S3); left out by apps that serve none: their file routes answer 503. */
  evidenceStorage?: ObjectStorage;
  /** How evidence links are checked; left out: private and loopback targets refused, default timings. */
  linkCheck?: LinkCheckSettings;
}

/** Hono's environment type for this app: handlers read `c.var.deps`; `requestId` is set by hono/request-id. */
export interface AppEnv {
  Variables: { deps: AppDeps; requestId: string };
}
