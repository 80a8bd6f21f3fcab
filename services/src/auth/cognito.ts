import { type JWTPayload, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import * as z from 'zod';
import type { Store } from '../db/client.ts';
import { queryCognitoLinks } from '../db/query.ts';
import { cognitoLinkPartition } from '../features/accounts/keys.ts';
import { HttpError } from '../http/errors.ts';
import { type Authenticator, VerifiedIdentity } from './identity.ts';
import { isTenantId } from './tenant-id.ts';

export interface CognitoOptions {
  userPoolId: string;
  clientId: string;
  region: string;
  /** Null: the pool's own `<issuer>/.well-known/jwks.json`. Tests point it at a local server. */
  jwksUrl: string | null;
}

/** The `iss` of every token of the pool. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

// What a Cognito `sub` looks like (a UUID); anything else cannot be linked, nor reach a key.
const SUB = /^[A-Za-z0-9-]{8,64}$/;

// The JWKS could not be had (timeout, not 200, not JSON): Cognito's trouble, not the token's.
const UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

const LinkSchema = z.object({ type: z.literal('account'), id: z.string(), cognitoSub: z.string(), gsi2sk: z.string() });

/**
 * Verifies tokens issued by the Cognito user pool (AUTH_MODE=cognito): RS256 signature against the
 * pool's JWKS (fetched and cached by jose), issuer, expiry, and that the token was issued to our app
 * client (an access token's `client_id`, an id token's `aud`). The tenant and the account then come from
 * the platform's own link (`gsi2pk = PLATFORM#COGNITO#<sub>`), never from a claim: attributes of a user
 * in the pool may be editable by the user. A `sub` linked to no account, or to more than one, is refused.
 * @example cognitoAuthenticator({ userPoolId, clientId, region: 'ap-southeast-1', jwksUrl: null }, store)
 */
export function cognitoAuthenticator(options: CognitoOptions, store: Store): Authenticator {
  const issuer = cognitoIssuer(options.region, options.userPoolId);
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/.well-known/jwks.json`), {
    timeoutDuration: 3_000,
    cooldownDuration: 30_000,
  });
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] }));
      } catch (error) {
        if (error instanceof errors.JOSEError && !UNAVAILABLE.has(error.code)) return null;
        throw new HttpError(
          503,
          'auth-unavailable',
          'Không kiểm tra được phiên đăng nhập lúc này (Cognito); hãy thử lại sau',
          'Cannot check the session right now (Cognito); try again later',
        );
      }
      if (!issuedTo(payload, options.clientId) || typeof payload.sub !== 'string' || !SUB.test(payload.sub)) return null;
      const links = await queryCognitoLinks(store, cognitoLinkPartition(payload.sub));
      const link = links.length === 1 ? LinkSchema.safeParse(links[0]) : null;
      if (!link?.success || link.data.cognitoSub !== payload.sub) return null;
      const [tenantId, accountId, ...rest] = link.data.gsi2sk.split('#');
      if (tenantId === undefined || !isTenantId(tenantId) || accountId !== link.data.id || rest.length > 0) return null;
      return VerifiedIdentity.issue(tenantId, accountId);
    },
  };
}

/** An access token names its app client in `client_id`, an id token in `aud`; any other `token_use` is refused. */
function issuedTo(payload: JWTPayload, clientId: string): boolean {
  if (payload.token_use === 'access') return payload.client_id === clientId;
  if (payload.token_use === 'id') return payload.aud === clientId || (Array.isArray(payload.aud) && payload.aud.length === 1 && payload.aud[0] === clientId);
  return false;
}
