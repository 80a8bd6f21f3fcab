import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, PasswordSchema, hashPassword, spendVerificationTime, verifyPassword } from './password.ts';

// Cheap parameters keep the tests quick; the format and the comparison are the same.
const cheap = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes with scrypt and a salt of its own, the parameters inside the hash', async () => {
    const first = await hashPassword('một mật khẩu đủ dài', cheap);
    const second = await hashPassword('một mật khẩu đủ dài', cheap);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('mật khẩu');
  });

  it('accepts the right password and refuses any other', async () => {
    const stored = await hashPassword('một mật khẩu đủ dài', cheap);
    expect(await verifyPassword('một mật khẩu đủ dài', stored)).toBe(true);
    expect(await verifyPassword('một mật khẩu đủ dàI', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('takes a password typed with decomposed diacritics for the same password', async () => {
    const stored = await hashPassword('Trường Hoa Sen 2025', cheap);
    expect(await verifyPassword('Trường Hoa Sen 2025'.normalize('NFD'), stored)).toBe(true);
  });

  it('verifies a hash made with other parameters than today’s defaults', async () => {
    const stored = await hashPassword('mật khẩu cũ 2020', { logN: 11, r: 4, p: 2 });
    expect(await verifyPassword('mật khẩu cũ 2020', stored)).toBe(true);
    expect(DEFAULT_SCRYPT).toEqual({ logN: 16, r: 8, p: 1 });
  });

  it('refuses a malformed stored hash, or one whose cost is out of bounds, instead of calling it a wrong password', async () => {
    await expect(verifyPassword('x', 'plain-text')).rejects.toThrow(TypeError);
    const stored = await hashPassword('mật khẩu đủ dài', cheap);
    await expect(verifyPassword('x', stored.replace('ln=10', 'ln=30'))).rejects.toThrow(TypeError);
  });

  it('spends a verification’s time for a login that does not exist', async () => {
    await expect(spendVerificationTime('bất kỳ')).resolves.toBeUndefined();
  });

  it('needs at least 10 characters', () => {
    expect(PasswordSchema.safeParse('ngắn quá').success).toBe(false);
    expect(PasswordSchema.safeParse('đủ mười ký tự').success).toBe(true);
  });
});
