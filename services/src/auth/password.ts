import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/** scrypt's cost as stored in a hash: N = 2^logN, block size r, parallelism p. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt floor (N = 2^16, r = 8, p = 1): about 64 MiB and a quarter of a second per hash on
 * one core, which makes offline guessing of a leaked hash slow while a sign-in stays quick.
 */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 16, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on parameters read back from the table, so a corrupted hash cannot make one sign-in take minutes.
const LIMITS = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const;

/** The password policy: long enough to resist guessing; the upper bound keeps hashing time bounded. */
export const PasswordSchema = z
  .string()
  .min(10)
  .max(200)
  .meta({ description: 'Ít nhất 10 ký tự / At least 10 characters', format: 'password' });

/**
 * Hashes a password with scrypt and a fresh random salt, as a PHC string that carries its parameters
 * (`$scrypt$ln=16,r=8,p=1$<salt>$<hash>`), so the cost can be raised later without breaking old hashes.
 * @example await hashPassword('mật khẩu đủ dài') // '$scrypt$ln=16,r=8,p=1$…$…'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * True when `password` matches `stored` (made by hashPassword), compared in constant time. Throws on a
 * stored value that is not such a hash: the table is broken, which must not pass for a wrong password.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null) throw new TypeError('The stored password hash is malformed');
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of one verification with the default cost, for a sign-in whose tenant or login does
 * not exist: answering faster would tell a guesser which logins exist.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummy ??= hashPassword('không phải mật khẩu của ai / nobody’s password');
  await verifyPassword(password, await dummy);
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (match === null) return null;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
  if (!within(logN, LIMITS.logN) || !within(r, LIMITS.r) || !within(p, LIMITS.p)) return null;
  const salt = Buffer.from(match[4] ?? '', 'base64url');
  const key = Buffer.from(match[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { params: { logN, r, p }, salt, key };
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams, length: number): Promise<Buffer> {
  // NFC: a Vietnamese password typed on two keyboards (composed or decomposed diacritics) is one password.
  const secret = Buffer.from(password.normalize('NFC'), 'utf8');
  // scrypt needs 128·N·r bytes; Node refuses above maxmem (32 MiB by default), so allow that plus headroom.
  const maxmem = 128 * 2 ** logN * r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, { N: 2 ** logN, r, p, maxmem }, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}
