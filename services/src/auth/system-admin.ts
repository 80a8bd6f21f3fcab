import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from './actor.ts';

/**
 * Proof that the caller presented the platform's system-admin token. Only `authenticate` makes one (the
 * constructor is private and the class is nominal through its #private field), so holding a SystemAdmin
 * means the check was done. The account/role/JWT model replaces this bearer token for people; the token
 * stays for operators and automation.
 */
export class SystemAdmin {
  // Makes the class nominal: an object literal with the same public shape is not a SystemAdmin.
  readonly #proof = true;

  private constructor() {}

  /**
   * Returns a SystemAdmin when `presented` equals the configured token, else null. A null configured
   * token means the system-admin path is switched off.
   * @example SystemAdmin.authenticate(bearerToken, config.systemAdminToken)
   */
  static authenticate(presented: string | null, configured: string | null): SystemAdmin | null {
    if (presented === null || configured === null) return null;
    // Hashing first gives equal lengths, so the comparison time says nothing about the token.
    return timingSafeEqual(digest(presented), digest(configured)) ? new SystemAdmin() : null;
  }

  /** For audit events: who acted. */
  get actor(): Actor {
    return { kind: 'system-admin' };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
