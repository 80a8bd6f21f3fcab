import { join } from 'node:path';
import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { repoRoot } from './config.ts';

export interface ApiProps {
  production: boolean;
  table: TableV2;
  userPool: UserPool;
  webClient: UserPoolClient;
  logRetention: RetentionDays;
  throttle: { rateLimit: number; burstLimit: number };
}

/** The whole API as one Lambda (services/src/lambda.ts, the Hono app) behind an HTTP API at /api/*. */
export class Api extends Construct {
  readonly handler: NodejsFunction;
  readonly httpApi: HttpApi;
  /** The HTTP API's host name, for CloudFront's origin (no scheme, no path). */
  readonly originDomainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.handler = new NodejsFunction(this, 'Handler', {
      entry: join(repoRoot, 'services', 'src', 'lambda.ts'),
      handler: 'handler',
      // The workspace root holds the one lock file; services' dependencies are hoisted there.
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // Lambda's CPU grows with memory: 1 GB keeps cold starts and zod validation quick for little cost.
      memorySize: 1024,
      // Under the HTTP API's 30 s integration limit, so a slow request ends as our error, not a gateway 503.
      timeout: Duration.seconds(20),
      logGroup: new LogGroup(this, 'HandlerLogs', { retention: props.logRetention, removalPolicy }),
      environment: {
        // Not the deployment stage: on AWS the API must never use dev conveniences (generated secrets, DynamoDB Local).
        STAGE: 'prod',
        TABLE_NAME: props.table.tableName,
        AUTH_MODE: 'cognito',
        COGNITO_USER_POOL_ID: props.userPool.userPoolId,
        COGNITO_CLIENT_ID: props.webClient.userPoolClientId,
        // Stack traces in the logs point into services/src, not into the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        // Prefer packages' ES builds: they tree-shake.
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Line mappings are enough for stack traces; the sources themselves would double the upload.
        sourcesContent: false,
        // The Node 22 runtime ships SDK v3 (and the smithy packages it is built on): smaller bundle, faster cold start.
        externalModules: ['@aws-sdk/*', '@smithy/*'],
        // A CommonJS dependency bundled into ESM may still call require() for Node built-ins.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });

    this.grantTable(props.table);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Chỉ số API (Hono on Lambda); reached through CloudFront at /api/*',
      // The stage is added below, with throttling and access logs the default stage cannot take.
      createDefaultStage: false,
    });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy }),
        ),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            bytes: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.ANY],
      // Payload format 2.0, which hono/aws-lambda's handle() reads.
      integration: new HttpLambdaIntegration('Handler', this.handler),
    });

    this.originDomainName = `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /** Gives the API the evidence bucket: its name in EVIDENCE_BUCKET, and read/write on its objects. */
  useEvidenceBucket(bucket: IBucket): void {
    this.handler.addEnvironment('EVIDENCE_BUCKET', bucket.bucketName);
    bucket.grantReadWrite(this.handler);
  }

  /**
   * Exactly what the repositories do: single-item reads and writes (TransactWriteItems is authorised as
   * its Put/Update/Delete/ConditionCheck parts), Query on the table and its indexes, and DescribeTable
   * for /api/health. No Scan: no access pattern scans, and a scan would read across tenants.
   */
  private grantTable(table: TableV2): void {
    this.handler.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
        ],
        resources: [table.tableArn],
      }),
    );
    this.handler.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
  }
}
