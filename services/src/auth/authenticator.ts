import type { Config } from '../config/env.ts';
import type { Store } from '../db/client.ts';
import { embeddedAuthenticator } from './account-token.ts';
import { cognitoAuthenticator } from './cognito.ts';
import type { Authenticator } from './identity.ts';

/**
 * The Authenticator of the configured AUTH_MODE: our own JWTs (embedded), or Cognito's verified
 * against the user pool's JWKS, the account then found by the token's subject in the platform's data.
 */
export function createAuthenticator(config: Pick<Config, 'authMode' | 'jwtSecret' | 'cognito'>, store: Store): Authenticator {
  if (config.authMode === 'embedded') {
    if (config.jwtSecret === null) throw new Error('JWT_SECRET is required with AUTH_MODE=embedded');
    return embeddedAuthenticator(config.jwtSecret);
  }
  if (config.cognito === null) throw new Error('COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are required with AUTH_MODE=cognito');
  const { region } = config.cognito;
  // loadConfig leaves it null only on Lambda, whose runtime always sets it.
  if (region === null) throw new Error('AWS_REGION is required with AUTH_MODE=cognito');
  return cognitoAuthenticator({ ...config.cognito, region }, store);
}
