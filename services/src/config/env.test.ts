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
    const cognito = { AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'p_1', COGNITO_CLIENT_ID: 'c', AWS_REGION: 'eu-west-1' };
    expect(loadConfig({ STAGE: 'prod', ...cognito }).jwtSecret).toBeNull();
  });

  it('assumes prod on Lambda when STAGE is not set', () => {
    expect(configError({ AWS_LAMBDA_FUNCTION_NAME: 'chiso-api' }).issues[0]?.path).toBe('JWT_SECRET');
  });

  it('rejects secrets too short to resist guessing', () => {
    expect(configError({ SYSTEM_ADMIN_TOKEN: 'short' }).issues[0]?.path).toBe('SYSTEM_ADMIN_TOKEN');
  });

  it('reads the Cognito user pool, client and region with AUTH_MODE=cognito, and nothing of them otherwise', () => {
    const cognito = { AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'ap-southeast-1_AbC123xyz', COGNITO_CLIENT_ID: '4q1xyz', AWS_REGION: 'ap-southeast-1' };
    expect(loadConfig(cognito).cognito).toEqual({ userPoolId: 'ap-southeast-1_AbC123xyz', clientId: '4q1xyz', region: 'ap-southeast-1', jwksUrl: null });
    expect(loadConfig({ ...cognito, COGNITO_JWKS_URL: 'http://127.0.0.1:9999/jwks.json' }).cognito?.jwksUrl).toBe('http://127.0.0.1:9999/jwks.json');
    expect(loadConfig({ COGNITO_USER_POOL_ID: 'ap-southeast-1_AbC123xyz', AWS_REGION: 'local' }).cognito).toBeNull();
    // No password sign-in with Cognito: a JWT_SECRET left in the environment signs nothing.
    expect(loadConfig({ ...cognito, JWT_SECRET: secret }).jwtSecret).toBeNull();
  });

  it('requires the user pool, the client and the region with AUTH_MODE=cognito, naming each', () => {
    expect(configError({ AUTH_MODE: 'cognito' }).issues.map((i) => [i.path, i.code])).toEqual([
      ['COGNITO_USER_POOL_ID', 'required'],
      ['COGNITO_CLIENT_ID', 'required'],
      ['AWS_REGION', 'required'],
    ]);
    const wrong = configError({ AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'pool/../x', COGNITO_CLIENT_ID: 'c', AWS_REGION: 'Asia' });
    expect(wrong.issues.map((i) => i.path)).toEqual(['COGNITO_USER_POOL_ID']);
    expect(configError({ AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'p_1', COGNITO_CLIENT_ID: 'c', AWS_REGION: 'Asia' }).issues[0]?.path).toBe('AWS_REGION');
  });

  it('leaves AWS_REGION to the Lambda runtime, which always sets it', () => {
    const config = loadConfig({ AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'p_1', COGNITO_CLIENT_ID: 'c', AWS_LAMBDA_FUNCTION_NAME: 'api', EVIDENCE_BUCKET: 'chiso-evidence' });
    expect(config.cognito).toMatchObject({ region: null });
  });

  it('keeps evidence on the local disk unless EVIDENCE_BUCKET names a bucket, which Lambda requires', () => {
    expect(loadConfig({}).evidenceBucket).toBeNull();
    expect(loadConfig({ EVIDENCE_BUCKET: 'chiso-prod-evidence-1a2b' }).evidenceBucket).toBe('chiso-prod-evidence-1a2b');
    expect(configError({ EVIDENCE_BUCKET: 'Not_A_Bucket' }).issues[0]?.path).toBe('EVIDENCE_BUCKET');
    const lambda = { AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: 'p_1', COGNITO_CLIENT_ID: 'c', AWS_LAMBDA_FUNCTION_NAME: 'api' };
    expect(configError(lambda).issues).toEqual([expect.objectContaining({ path: 'EVIDENCE_BUCKET', code: 'required' })]);
  });

  it('lets the link checker reach private addresses only in dev, unless LINK_CHECK_ALLOW_PRIVATE says otherwise', () => {
    expect(loadConfig({}).linkCheckAllowPrivate).toBe(true);
    expect(loadConfig({ STAGE: 'test' }).linkCheckAllowPrivate).toBe(false);
    expect(loadConfig({ STAGE: 'prod', JWT_SECRET: secret }).linkCheckAllowPrivate).toBe(false);
    expect(loadConfig({ STAGE: 'test', LINK_CHECK_ALLOW_PRIVATE: 'on' }).linkCheckAllowPrivate).toBe(true);
    expect(loadConfig({ LINK_CHECK_ALLOW_PRIVATE: 'off' }).linkCheckAllowPrivate).toBe(false);
  });

  it('keeps unattached evidence uploads 24 hours unless EVIDENCE_PENDING_RETENTION_HOURS says otherwise (at least one)', () => {
    expect(loadConfig({}).evidencePendingRetentionHours).toBe(24);
    expect(loadConfig({ EVIDENCE_PENDING_RETENTION_HOURS: '72' }).evidencePendingRetentionHours).toBe(72);
    expect(configError({ EVIDENCE_PENDING_RETENTION_HOURS: '0' }).issues[0]?.path).toBe('EVIDENCE_PENDING_RETENTION_HOURS');
    expect(configError({ EVIDENCE_PENDING_RETENTION_HOURS: 'mot ngay' }).issues[0]?.path).toBe('EVIDENCE_PENDING_RETENTION_HOURS');
  });

  it('rejects an endpoint that is not an http(s) URL', () => {
    expect(configError({ DYNAMODB_ENDPOINT: 'localhost:8000' }).issues[0]?.path).toBe('DYNAMODB_ENDPOINT');
    expect(loadConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).dynamodbEndpoint).toBe('http://127.0.0.1:8000');
  });
});
