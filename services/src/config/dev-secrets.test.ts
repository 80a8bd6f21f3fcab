import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devSecretPath, withDevSecrets } from './dev-secrets.ts';
import { loadConfig } from './env.ts';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('withDevSecrets', () => {
  it('generates the missing secrets in dev and keeps them, readable only by the owner', () => {
    const dataDir = tempDataDir();
    const first = withDevSecrets(loadConfig({ DATA_DIR: dataDir }));
    expect(first.jwtSecret).toMatch(/^[\w-]{43}$/);
    expect(first.systemAdminToken).toMatch(/^[\w-]{43}$/);
    expect(first.systemAdminToken).not.toBe(first.jwtSecret);
    expect(readFileSync(devSecretPath(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(devSecretPath(dataDir, 'jwt-secret')).mode & 0o077).toBe(0);

    const second = withDevSecrets(loadConfig({ DATA_DIR: dataDir }));
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.systemAdminToken).toBe(first.systemAdminToken);
  });

  it('keeps a secret given in the environment', () => {
    const given = 'g'.repeat(40);
    expect(withDevSecrets(loadConfig({ DATA_DIR: tempDataDir(), JWT_SECRET: given })).jwtSecret).toBe(given);
  });

  it('leaves other stages alone', () => {
    const config = loadConfig({ STAGE: 'test', DATA_DIR: tempDataDir() });
    expect(withDevSecrets(config)).toEqual(config);
  });
});
