import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The deployment stages. Not services' STAGE: every deployed stage runs the API with STAGE=prod (no dev conveniences on AWS). */
export const stageNames = ['dev', 'prod'] as const;
export type StageName = (typeof stageNames)[number];

export const defaultRegion = 'ap-southeast-1';

/** What differs between stages; everything else is the same on purpose, so dev rehearses prod. */
export interface StageSettings {
  stage: StageName;
  /** Keeps data when the stack or a resource goes away (RETAIN, deletion protection). */
  production: boolean;
  region: string;
  /** Unset: the stack is account-agnostic (synth needs no credentials); the CLI fills in the deploying account. */
  account: string | undefined;
  logRetention: RetentionDays;
  /** Steady requests per second and burst across the whole HTTP API stage. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** Origins besides the CloudFront one that may upload evidence from a browser (the Vite dev server in dev). */
  extraWebOrigins: string[];
  /** The built web app; deployed only when it holds an index.html. */
  webDistDir: string;
}

/** The repository root: the Lambda bundle's project root (its lock file sits there) and the base of web/dist. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function stageSettings(stage: StageName, options: { region?: string; account?: string; webDistDir?: string } = {}): StageSettings {
  const production = stage === 'prod';
  return {
    stage,
    production,
    region: options.region ?? defaultRegion,
    account: options.account,
    // A year of logs in prod covers a full school-year campaign and its appeals; dev logs are only for debugging.
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.TWO_WEEKS,
    // Peak load is tens of writes per second per province; the limits stop a runaway client long before
    // Lambda's account concurrency (1,000 by default) is exhausted for everyone.
    apiThrottle: production ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 20, burstLimit: 40 },
    extraWebOrigins: production ? [] : ['http://localhost:5173'],
    webDistDir: options.webDistDir ?? join(repoRoot, 'web', 'dist'),
  };
}

export function isStageName(value: string): value is StageName {
  return (stageNames as readonly string[]).includes(value);
}
