import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { DEFAULT_PENDING_RETENTION_HOURS } from '../storage/lifecycle.ts';
import { type IssueDetail, parseBilingual } from '../validation/parse-bilingual.ts';

/** Where the process runs: `dev` on a laptop, `test` under vitest, `prod` on AWS (or any real deployment). */
export type Stage = 'dev' | 'test' | 'prod';

/** The process's settings, read once at start-up from the environment. */
export interface Config {
  stage: Stage;
  port: number;
  host: string;
  /** Absolute (a relative DATA_DIR is resolved against the working directory); DynamoDB Local's files and the generated dev secrets live here. */
  dataDir: string;
  tableName: string;
  /** Null means: AWS's endpoint in prod, an embedded DynamoDB Local otherwise. */
  dynamodbEndpoint: string | null;
  dynamodbLocalPort: number;
  authMode: 'embedded' | 'cognito';
  /** Set with AUTH_MODE=cognito only: the user pool whose tokens the API accepts. */
  cognito: CognitoConfig | null;
  /** Null until `withDevSecrets` fills it in dev; required in prod with embedded auth; always null from loadConfig with Cognito. */
  jwtSecret: string | null;
  /** Null disables the system-admin routes (every call gets 401). */
  systemAdminToken: string | null;
  demo: boolean;
  /** EVIDENCE_BUCKET: evidence files in this S3 bucket; null keeps them on the local disk (DATA_DIR/evidence). */
  evidenceBucket: string | null;
  /** LINK_CHECK_ALLOW_PRIVATE: whether the link checker may reach loopback and private addresses (SSRF); on only in dev by default. */
  linkCheckAllowPrivate: boolean;
  /** WEB_DIST: the built web app the Node entry serves (absolute); by default web/dist of this repository. */
  webDist: string;
  /** EVIDENCE_PENDING_RETENTION_HOURS: how long an upload no submission names stays on the local disk (S3: the bucket's lifecycle rule). */
  evidencePendingRetentionHours: number;
}

/** The user pool that signs people in with AUTH_MODE=cognito. */
export interface CognitoConfig {
  userPoolId: string;
  clientId: string;
  /**
   * AWS_REGION: Lambda's runtime always sets it (the stack cannot: the name is reserved), so on Lambda a
   * missing one is left null here and refused when the authenticator is built; elsewhere it is required.
   */
  region: string | null;
  /** COGNITO_JWKS_URL, for tests: null means the pool's own `<issuer>/.well-known/jwks.json`. */
  jwksUrl: string | null;
}

const port = z.coerce.number().int().min(1).max(65_535);
const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'on' || value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  STAGE: z.enum(['dev', 'test', 'prod']).optional(),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).optional(),
  // DynamoDB's own rule for table names.
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/).default('chiso'),
  DYNAMODB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  DYNAMODB_LOCAL_PORT: port.default(8000),
  AUTH_MODE: z.enum(['embedded', 'cognito']).default('embedded'),
  JWT_SECRET: z.string().min(32).optional(),
  // AWS's own patterns, loosened to `-` in both: they end up in URLs and the token issuer, nothing else may.
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]{1,55}$/).optional(),
  COGNITO_CLIENT_ID: z.string().regex(/^[\w+-]{1,128}$/).optional(),
  COGNITO_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Read, not checked here: outside Cognito mode the SDK's own use of it (e.g. `local`) is none of ours.
  AWS_REGION: z.string().optional(),
  SYSTEM_ADMIN_TOKEN: z.string().min(32).optional(),
  DEMO: onOff.optional(),
  // S3's rule for bucket names (no dots: virtual-hosted HTTPS URLs cannot carry them).
  EVIDENCE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/).optional(),
  LINK_CHECK_ALLOW_PRIVATE: onOff.optional(),
  WEB_DIST: z.string().min(1).optional(),
  // At least an hour: an upload URL works for 15 minutes, and the browser attaches right after.
  EVIDENCE_PENDING_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(DEFAULT_PENDING_RETENTION_HOURS),
});

/** A wrong environment: the message names every bad variable, in Vietnamese and English. */
export class ConfigError extends Error {
  constructor(readonly issues: IssueDetail[]) {
    super(
      ['Cấu hình không hợp lệ / Invalid configuration:', ...issues.map((i) => `  ${i.path}: ${i.message} / ${i.messageEn}`)].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks the settings from environment variables; throws a ConfigError naming each wrong one.
 * Empty values count as unset, so `PORT=` falls back to the default like a missing PORT.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = parseBilingual(EnvSchema, present);
  if (!parsed.success) throw new ConfigError(parsed.issues);
  const vars = parsed.data;
  // Lambda sets AWS_LAMBDA_FUNCTION_NAME: a forgotten STAGE there must not fall back to dev conveniences.
  const stage: Stage = vars.STAGE ?? (env.AWS_LAMBDA_FUNCTION_NAME ? 'prod' : 'dev');
  const cognito = cognitoOf(vars, env.AWS_LAMBDA_FUNCTION_NAME !== undefined);
  const config: Config = {
    stage,
    port: vars.PORT,
    host: vars.HOST,
    dataDir: vars.DATA_DIR === undefined ? defaultDataDir() : resolve(vars.DATA_DIR),
    tableName: vars.TABLE_NAME,
    dynamodbEndpoint: vars.DYNAMODB_ENDPOINT ?? null,
    dynamodbLocalPort: vars.DYNAMODB_LOCAL_PORT,
    authMode: vars.AUTH_MODE,
    cognito: cognito.config,
    // Only the embedded mode signs tokens: with Cognito a null secret also switches password sign-in off.
    jwtSecret: vars.AUTH_MODE === 'embedded' ? (vars.JWT_SECRET ?? null) : null,
    systemAdminToken: vars.SYSTEM_ADMIN_TOKEN ?? null,
    // The demo province is for trying the product on a laptop: on by default in dev only.
    demo: vars.DEMO ?? stage === 'dev',
    evidenceBucket: vars.EVIDENCE_BUCKET ?? null,
    linkCheckAllowPrivate: vars.LINK_CHECK_ALLOW_PRIVATE ?? stage === 'dev',
    webDist: resolve(vars.WEB_DIST ?? fileURLToPath(new URL('../../../web/dist', import.meta.url))),
    evidencePendingRetentionHours: vars.EVIDENCE_PENDING_RETENTION_HOURS,
  };
  const rules = [...crossChecks(config), ...cognito.issues];
  // Lambda's disk is its own and short-lived: a file kept there would be lost at the next cold start.
  if (env.AWS_LAMBDA_FUNCTION_NAME !== undefined && config.evidenceBucket === null)
    rules.push({ path: 'EVIDENCE_BUCKET', code: 'required', message: 'Bắt buộc trên AWS Lambda (nơi lưu tệp minh chứng)', messageEn: 'Required on AWS Lambda (where evidence files are kept)' });
  if (rules.length > 0) throw new ConfigError(rules);
  return config;
}

/** Rules between variables, which one variable's schema cannot say. */
function crossChecks(config: Config): IssueDetail[] {
  const issues: IssueDetail[] = [];
  if (config.stage === 'prod' && config.authMode === 'embedded' && config.jwtSecret === null) {
    issues.push({
      path: 'JWT_SECRET',
      code: 'required',
      message: 'Bắt buộc khi AUTH_MODE=embedded ngoài môi trường dev (ít nhất 32 ký tự)',
      messageEn: 'Required when AUTH_MODE=embedded outside dev (at least 32 characters)',
    });
  }
  return issues;
}

/** AUTH_MODE=cognito needs the pool, the client and (off Lambda) the region of the tokens it accepts. */
function cognitoOf(vars: z.output<typeof EnvSchema>, onLambda: boolean): { config: CognitoConfig | null; issues: IssueDetail[] } {
  if (vars.AUTH_MODE !== 'cognito') return { config: null, issues: [] };
  const issues: IssueDetail[] = [];
  const required = (path: string) =>
    issues.push({ path, code: 'required', message: 'Bắt buộc khi AUTH_MODE=cognito', messageEn: 'Required when AUTH_MODE=cognito' });
  const { COGNITO_USER_POOL_ID: userPoolId, COGNITO_CLIENT_ID: clientId, AWS_REGION: region } = vars;
  if (userPoolId === undefined) required('COGNITO_USER_POOL_ID');
  if (clientId === undefined) required('COGNITO_CLIENT_ID');
  if (region === undefined && !onLambda) required('AWS_REGION');
  if (region !== undefined && !/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/.test(region)) {
    issues.push({
      path: 'AWS_REGION',
      code: 'invalid_format',
      message: 'Không phải mã vùng AWS (ví dụ ap-southeast-1)',
      messageEn: 'Not an AWS region (e.g. ap-southeast-1)',
    });
  }
  if (userPoolId === undefined || clientId === undefined) return { config: null, issues };
  return { config: { userPoolId, clientId, region: region ?? null, jwksUrl: vars.COGNITO_JWKS_URL ?? null }, issues };
}

/** `.data` at the repository root, which git ignores. */
function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../.data', import.meta.url));
}
