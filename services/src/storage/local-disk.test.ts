import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.ts';
import { TokenSigner } from './signed-token.ts';

let root: string;
let storage: LocalDiskStorage;
const key = 'tenants/tinh-thu/campaigns/c1/units/u1/files/k3v9x2mqa7bd';
const meta = { contentType: 'image/png', sha256: 'a'.repeat(64) };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chiso-evidence-'));
  storage = new LocalDiskStorage({ root, secret: 'x'.repeat(32), urlPrefix: '/api/evidence-objects/' });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('local disk storage', () => {
  it('stores an object whole under its key, reads it back with its type, and deletes it (twice is fine)', async () => {
    await storage.put(key, new Uint8Array([1, 2, 3]), meta);
    expect(await storage.get(key)).toEqual({ body: new Uint8Array([1, 2, 3]), contentType: 'image/png' });
    // No temporary file is left beside it.
    expect((await readdir(join(root, 'tenants/tinh-thu/campaigns/c1/units/u1/files'))).sort()).toEqual(['k3v9x2mqa7bd', 'k3v9x2mqa7bd.meta.json']);
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('refuses keys that could leave its directory or clash with metadata', async () => {
    for (const bad of ['../outside', 'tenants/../../etc/passwd', '/absolute', 'a//b', 'x.meta.json', 'tenants/t\\x'])
      await expect(storage.put(bad, new Uint8Array([1]), meta), bad).rejects.toThrow(TypeError);
  });

  it('presigns API URLs whose token binds method, object, type, size and checksum, and refuses altered or expired ones', async () => {
    const upload = await storage.presign({ method: 'PUT', key, contentType: 'image/png', size: 3, sha256: meta.sha256, expiresInSeconds: 60 });
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' } });
    expect(upload.url.startsWith('/api/evidence-objects/')).toBe(true);
    const token = upload.url.slice('/api/evidence-objects/'.length);
    expect(storage.verify(token)).toMatchObject({ method: 'PUT', key, contentType: 'image/png', size: 3, sha256: meta.sha256 });

    const [payload = '', signature = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), size: 999_999_999 })).toString('base64url');
    expect(storage.verify(`${forged}.${signature}`)).toBeNull();
    expect(storage.verify(`${payload}.${'A'.repeat(43)}`)).toBeNull();
    expect(storage.verify('not-a-token')).toBeNull();

    const other = new LocalDiskStorage({ root, secret: 'y'.repeat(32), urlPrefix: '/api/evidence-objects/' });
    expect(other.verify(token)).toBeNull();
    const signer = new TokenSigner('x'.repeat(32));
    const expired = signer.sign({ method: 'GET', key, contentType: 'image/png', fileName: 'a.png', expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect(storage.verify(expired)).toBeNull();
  });
});
