import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './env.ts';

/**
 * In dev, fills the secrets left unset with random ones kept under DATA_DIR/secrets, so a restart keeps
 * tokens valid and a fresh clone needs no set-up. Other stages are returned unchanged: there a missing
 * secret is a configuration error (JWT_SECRET) or a deliberate choice (no SYSTEM_ADMIN_TOKEN, no admin routes).
 * @example withDevSecrets(loadConfig(process.env)).systemAdminToken // read from .data/secrets/system-admin-token
 */
export function withDevSecrets(config: Config): Config {
  if (config.stage !== 'dev') return config;
  return {
    ...config,
    // Cognito signs people in there: a generated secret would switch on password sign-in beside it.
    jwtSecret: config.authMode === 'cognito' ? config.jwtSecret : (config.jwtSecret ?? devSecret(config.dataDir, 'jwt-secret')),
    systemAdminToken: config.systemAdminToken ?? devSecret(config.dataDir, 'system-admin-token'),
  };
}

/** Where the dev secret `name` is kept. */
export function devSecretPath(dataDir: string, name: string): string {
  return join(dataDir, 'secrets', name);
}

function devSecret(dataDir: string, name: string): string {
  const file = devSecretPath(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if two processes start at once, the second keeps the first one's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if (isErrno(error) && error.code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function isMissingFile(error: unknown): boolean {
  return isErrno(error) && error.code === 'ENOENT';
}
