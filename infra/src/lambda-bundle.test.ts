import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, stageSettings } from './config.ts';
import { ChisoStack } from './stack.ts';
import { absentWebDist, cdkContext } from './testing/synth.ts';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

/** An HTTP API (payload 2.0) GET, as API Gateway hands it to the function. */
function httpApiGet(path: string) {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'example.cloudfront.net' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'example.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'example',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'vitest' },
      requestId: 'request-1',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '01/Jan/2025:00:00:00 +0000',
      timeEpoch: 1735689600000,
    },
  };
}

// The one test that lets esbuild run (about a second): it proves services/src/lambda.ts bundles as ESM with the
// SDK left to the runtime, and that the bundle starts and answers.
describe('the API bundle', () => {
  // Under cdk.out (git-ignored) inside the repository, so the bundle's external @aws-sdk imports resolve
  // from the workspace's node_modules as they will from the Lambda runtime's.
  const parent = join(repoRoot, 'infra', 'cdk.out');
  mkdirSync(parent, { recursive: true });
  const outdir = mkdtempSync(join(parent, 'test-bundle-'));
  let code = '';
  let bundlePath = '';
  const savedEnv = { ...process.env };

  beforeAll(() => {
    const app = new App({ outdir, context: { ...cdkContext } });
    const settings = stageSettings('prod', { webDistDir: absentWebDist });
    const stack = new ChisoStack(app, 'Chiso-prod', { settings, env: { region: settings.region } });
    Template.fromStack(stack);
    const assetDirs = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
    const bundleDir = assetDirs.find((name) => readdirSync(join(outdir, name)).includes('index.mjs'));
    if (!bundleDir) throw new Error(`no index.mjs among ${assetDirs.join(', ')}`);
    bundlePath = join(outdir, bundleDir, 'index.mjs');
    code = readFileSync(bundlePath, 'utf8');
  });

  afterAll(() => {
    process.env = savedEnv;
    rmSync(outdir, { recursive: true, force: true });
  });

  it('is one minified ES module with a source map, under 2.5 MB', () => {
    // The banner comes first: it gives bundled CommonJS code a require() inside the ES module.
    expect(code).toMatch(/^import \{ createRequire \} from 'node:module'; const require = createRequire\(import\.meta\.url\);/);
    expect(code.trimEnd()).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map$/);
    expect(statSync(`${bundlePath}.map`).size).toBeGreaterThan(0);
    // About 0.45 MB of our code and its libraries, plus about 1.4 MB of exceljs (XLSX imports), which is
    // loaded lazily: the cold start does not evaluate it until an XLSX file arrives.
    expect(statSync(bundlePath).size).toBeLessThan(2.5 * 1024 * 1024);
  });

  it('leaves the AWS SDK to the runtime', () => {
    expect(code).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
    expect(code).toMatch(/from\s*"@aws-sdk\/lib-dynamodb"/);
    expect(code).toMatch(/from\s*"@aws-sdk\/client-s3"/);
    expect(code).toMatch(/from\s*"@aws-sdk\/s3-request-presigner"/);
    expect(code).not.toContain('DynamoDBServiceException=');
  });

  it('starts with the stack’s environment and answers through the HTTP API event format', async () => {
    Object.assign(process.env, {
      STAGE: 'prod',
      TABLE_NAME: 'Chiso-prod-table',
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: 'ap-southeast-1_AbCdEf123',
      COGNITO_CLIENT_ID: '4example5client6id7',
      AWS_LAMBDA_FUNCTION_NAME: 'api',
      AWS_REGION: 'ap-southeast-1',
      EVIDENCE_BUCKET: 'chiso-prod-evidence',
    });
    const { handler } = (await import(pathToFileURL(bundlePath).href)) as { handler: Handler };
    const openapi = await handler(httpApiGet('/api/openapi.json'), {});
    expect(openapi.statusCode).toBe(200);
    expect(JSON.parse(openapi.body)).toMatchObject({ openapi: '3.1.0' });
    const missing = await handler(httpApiGet('/api/no-such-route'), {});
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'route-not-found' } });
  });
});
