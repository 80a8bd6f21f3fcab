import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/** What a local presigned URL allows: one method on one object, with the same bindings as an S3 presigned URL. */
export type ObjectGrant =
  | { method: 'PUT'; key: string; contentType: string; size: number; sha256: string; expiresAt: number }
  | { method: 'GET'; key: string; contentType: string; fileName: string; expiresAt: number };

const GrantSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('PUT'), key: z.string(), contentType: z.string(), size: z.int().min(0), sha256: z.string(), expiresAt: z.int() }),
  z.strictObject({ method: z.literal('GET'), key: z.string(), contentType: z.string(), fileName: z.string(), expiresAt: z.int() }),
]);

const TOKEN = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/;

/**
 * Signs and checks the tokens of local presigned URLs (HMAC-SHA256). The key is derived from the
 * deployment's secret when there is one, so that tokens survive a restart; without one, a random key
 * lives as long as the process (a restart only asks the browser to request its upload again).
 */
export class TokenSigner {
  readonly #key: Buffer;

  constructor(secret: string | null) {
    // A key of its own: a token for files can never pass as an access token signed with the same secret.
    this.#key = createHmac('sha256', secret ?? randomBytes(32)).update('chiso/evidence-object-url/v1').digest();
  }

  sign(grant: ObjectGrant): string {
    const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return `${payload}.${this.#mac(payload).toString('base64url')}`;
  }

  /** The grant of a genuine token that has not expired at `now` (epoch seconds), or null. */
  verify(token: string, now = Math.floor(Date.now() / 1000)): ObjectGrant | null {
    const match = TOKEN.exec(token);
    if (match === null) return null;
    const [, payload = '', signature = ''] = match;
    const expected = this.#mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const grant = GrantSchema.safeParse(parsed);
    if (!grant.success || grant.data.expiresAt < now) return null;
    return grant.data;
  }

  #mac(payload: string): Buffer {
    return createHmac('sha256', this.#key).update(payload).digest();
  }
}
