import type { Actor } from './actor.ts';
import type { VerifiedIdentity } from './identity.ts';
import type { SystemAdmin } from './system-admin.ts';
import { type TenantId, isTenantId } from './tenant-id.ts';

/**
 * The right to touch one tenant's data, held by one actor. Every repository function takes it first,
 * and the data layer refuses any key outside `keyPrefix`. Only the auth layer makes one: the constructor
 * is private, the factories demand a proof of authentication (a SystemAdmin, or a VerifiedIdentity from a
 * checked token), and the #private field keeps look-alike objects from passing for it.
 */
export class TenantContext {
  readonly #tenantId: TenantId;
  readonly #actor: Actor;

  private constructor(tenantId: TenantId, actor: Actor) {
    this.#tenantId = tenantId;
    this.#actor = actor;
  }

  /**
   * A system admin may act in any tenant, including one being created.
   * @example TenantContext.forSystemAdmin(admin, 'hai-phong')
   */
  static forSystemAdmin(admin: SystemAdmin, tenantId: string): TenantContext {
    if (!isTenantId(tenantId)) throw new TypeError(`Not a tenant id: ${JSON.stringify(tenantId)}`);
    return new TenantContext(tenantId, admin.actor);
  }

  /**
   * A signed-in account acts in its own tenant only: the tenant comes from the verified token.
   * @example TenantContext.forAccount(identity)
   */
  static forAccount(identity: VerifiedIdentity): TenantContext {
    return new TenantContext(identity.tenantId, { kind: 'account', accountId: identity.accountId });
  }

  /**
   * A sign-in attempt, before anyone is authenticated: the password sign-in reads the tenant's login
   * items and accounts and counts failed attempts with it, as the anonymous actor. Only the sign-in use
   * case makes one; once the password is verified, the account acts through a VerifiedIdentity.
   * @example TenantContext.forSignInAttempt('hai-phong')
   */
  static forSignInAttempt(tenantId: string): TenantContext {
    if (!isTenantId(tenantId)) throw new TypeError(`Not a tenant id: ${JSON.stringify(tenantId)}`);
    return new TenantContext(tenantId, { kind: 'anonymous' });
  }

  /**
   * A visitor of the public results pages, not signed in. Only the public-results reads make one, and
   * they read nothing but the published-result items, which hold public fields only; nothing is written.
   * @example TenantContext.forPublicReader('hai-phong')
   */
  static forPublicReader(tenantId: string): TenantContext {
    if (!isTenantId(tenantId)) throw new TypeError(`Not a tenant id: ${JSON.stringify(tenantId)}`);
    return new TenantContext(tenantId, { kind: 'anonymous' });
  }

  get tenantId(): TenantId {
    return this.#tenantId;
  }

  get actor(): Actor {
    return this.#actor;
  }

  /** Every key of this tenant's data begins with this. */
  get keyPrefix(): string {
    return `TENANT#${this.#tenantId}#`;
  }
}
