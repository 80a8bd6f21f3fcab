import { randomBytes } from 'node:crypto';

// RFC 4648 base32 in lower case: URL-safe, no `#` (the key separator), no `/` (the path separator).
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A new random id for a unit or an account: 12 characters, 60 random bits. Ids are never reused and
 * never derived from names, so they say nothing about what they name.
 * @example newId() // 'k3v9x2mqa7bd'
 */
export function newId(): string {
  const bytes = randomBytes(8);
  let bits = bytes.readBigUInt64BE();
  let id = '';
  for (let i = 0; i < 12; i += 1) {
    id += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return id;
}
