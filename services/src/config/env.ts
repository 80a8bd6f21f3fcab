import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
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
  /** Null until `withDevSecrets` fills it in dev; required in prod with embedded auth. */
  jwtSecret: string | null;
  /** Null disables the system-admin routes (every call gets 401). */
  systemAdminToken: string | null;
  demo: boolean;
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
  SYSTEM_ADMIN_TOKEN: z.string().min(32).optional(),
  DEMO: onOff.optional(),
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
  const config: Config = {
    stage,
    port: vars.PORT,
    host: vars.HOST,
    dataDir: vars.DATA_DIR === undefined ? defaultDataDir() : resolve(vars.DATA_DIR),
    tableName: vars.TABLE_NAME,
    dynamodbEndpoint: vars.DYNAMODB_ENDPOINT ?? null,
    dynamodbLocalPort: vars.DYNAMODB_LOCAL_PORT,
    authMode: vars.AUTH_MODE,
    jwtSecret: vars.JWT_SECRET ?? null,
    systemAdminToken: vars.SYSTEM_ADMIN_TOKEN ?? null,
    // The demo province is for trying the product on a laptop: on by default in dev only.
    demo: vars.DEMO ?? stage === 'dev',
  };
  const rules = crossChecks(config);
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

/** `.data` at the repository root, which git ignores. */
function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../.data', import.meta.url));
}
