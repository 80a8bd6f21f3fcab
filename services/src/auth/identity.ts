import type { TenantId } from './tenant-id.ts';

/**
 * Proof that a bearer token was verified: it names a tenant and an account in it. Only an
 * Authenticator makes one (through `VerifiedIdentity.issue`, which the auth modules alone call), so a
 * TenantContext built from it stands on a checked signature, never on a claim the user could edit.
 */
export class VerifiedIdentity {
  readonly #proof = true;

  private constructor(
    readonly tenantId: TenantId,
    readonly accountId: string,
  ) {}

  /** For the Authenticators only: call after the token's signature, issuer, audience and expiry were checked. */
  static issue(tenantId: TenantId, accountId: string): VerifiedIdentity {
    return new VerifiedIdentity(tenantId, accountId);
  }
}

/**
 * Turns a bearer token into a VerifiedIdentity, or null when the token is not valid (bad signature,
 * expired, wrong issuer or audience, unknown subject). Embedded mode verifies our own JWTs, AWS mode
 * Cognito's against the user pool's JWKS.
 */
export interface Authenticator {
  verify(token: string): Promise<VerifiedIdentity | null>;
}
