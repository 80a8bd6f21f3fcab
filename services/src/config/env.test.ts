import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

const secret = 'x'.repeat(32);

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('falls back to the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      stage: 'dev',
      port: 3000,
      host: '127.0.0.1',
      tableName: 'chiso',
      dynamodbEndpoint: null,
      dynamodbLocalPort: 8000,
      authMode: 'embedded',
      jwtSecret: null,
      systemAdminToken: null,
      demo: true,
    });
  });

  it('puts the data directory at the repository root by default, as an absolute path', () => {
    const { dataDir } = loadConfig({});
    expect(isAbsolute(dataDir)).toBe(true);
    expect(dataDir).toBe(join(import.meta.dirname, '..', '..', '..', '.data'));
  });

  it('names the variable whose value is wrong, in Vietnamese and English', () => {
    const error = configError({ PORT: '70000', AUTH_MODE: 'ldap' });
    expect(error.issues.map((i) => i.path)).toEqual(['PORT', 'AUTH_MODE']);
    expect(error.message).toMatch(/PORT: Quá lớn.* \/ Too big/);
    expect(error.message).toContain('AUTH_MODE');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', TABLE_NAME: '' })).toMatchObject({ port: 3000, tableName: 'chiso' });
  });

  it('reads DEMO as on or off', () => {
    expect(loadConfig({ DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'off' }).demo).toBe(false);
    expect(configError({ DEMO: 'maybe' }).issues[0]?.path).toBe('DEMO');
    expect(loadConfig({ STAGE: 'test' }).demo).toBe(false);
  });

  it('requires JWT_SECRET in prod with embedded auth', () => {
    expect(configError({ STAGE: 'prod' }).issues).toEqual([expect.objectContaining({ path: 'JWT_SECRET', code: 'required' })]);
    expect(loadConfig({ STAGE: 'prod', JWT_SECRET: secret }).jwtSecret).toBe(secret);
    expect(loadConfig({ STAGE: 'prod', AUTH_MODE: 'cognito' }).jwtSecret).toBeNull();
  });

  it('assumes prod on Lambda when STAGE is not set', () => {
    expect(configError({ AWS_LAMBDA_FUNCTION_NAME: 'chiso-api' }).issues[0]?.path).toBe('JWT_SECRET');
  });

  it('rejects secrets too short to resist guessing', () => {
    expect(configError({ SYSTEM_ADMIN_TOKEN: 'short' }).issues[0]?.path).toBe('SYSTEM_ADMIN_TOKEN');
  });

  it('rejects an endpoint that is not an http(s) URL', () => {
    expect(configError({ DYNAMODB_ENDPOINT: 'localhost:8000' }).issues[0]?.path).toBe('DYNAMODB_ENDPOINT');
    expect(loadConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).dynamodbEndpoint).toBe('http://127.0.0.1:8000');
  });
});
