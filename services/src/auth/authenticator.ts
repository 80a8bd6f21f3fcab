import type { Config } from '../config/env.ts';
import type { Store } from '../db/client.ts';
import { embeddedAuthenticator } from './account-token.ts';
import type { Authenticator } from './identity.ts';

/**
 * The Authenticator of the configured AUTH_MODE: our own JWTs (embedded), or Cognito's verified
 * against the user pool's JWKS, the account then found by the token's subject in the platform's data.
 */
export function createAuthenticator(config: Pick<Config, 'authMode' | 'jwtSecret'>, _store: Store): Authenticator {
  if (config.authMode === 'embedded') {
    if (config.jwtSecret === null) throw new Error('JWT_SECRET is required with AUTH_MODE=embedded');
    return embeddedAuthenticator(config.jwtSecret);
  }
  throw new Error('AUTH_MODE=cognito is not wired yet');
}
