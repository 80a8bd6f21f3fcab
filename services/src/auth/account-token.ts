import { SignJWT, jwtVerify } from 'jose';
import { type Authenticator, VerifiedIdentity } from './identity.ts';
import { isTenantId } from './tenant-id.ts';

const ISSUER = 'chiso';
const AUDIENCE = 'chiso-api';
/** Access tokens are short-lived: a revoked grant or a disabled account stops working within this. */
export const ACCESS_TOKEN_SECONDS = 30 * 60;

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * Signs the access token of a signed-in account (embedded mode): HS256, `sub` the account, `tid` the
 * tenant. Grants are NOT in the token: every request reads them from the platform's data.
 * @example await signAccessToken(secret, { tenantId: 'hai-phong', accountId: 'k3v9x2mqa7bd' })
 */
export async function signAccessToken(
  secret: string,
  subject: { tenantId: string; accountId: string },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + ACCESS_TOKEN_SECONDS;
  const token = await new SignJWT({ tid: subject.tenantId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(subject.accountId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Verifies the platform's own access tokens (AUTH_MODE=embedded). */
export function embeddedAuthenticator(secret: string): Authenticator {
  const key = keyOf(secret);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const tenantId = payload.tid;
        if (typeof tenantId !== 'string' || !isTenantId(tenantId) || typeof payload.sub !== 'string' || payload.sub === '') return null;
        return VerifiedIdentity.issue(tenantId, payload.sub);
      } catch {
        return null;
      }
    },
  };
}
