import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import type { StageSettings } from './config.ts';
import { DataTable } from './data-table.ts';
import { EvidenceBucket } from './evidence-bucket.ts';
import { WebHosting } from './web-hosting.ts';

export interface ChisoStackProps extends StackProps {
  settings: StageSettings;
}

/** One stage of Chỉ số: everything a province's users reach, in one stack (`Chiso-<stage>`). */
export class ChisoStack extends Stack {
  readonly data: DataTable;
  readonly auth: Auth;
  readonly api: Api;
  readonly web: WebHosting;
  readonly evidence: EvidenceBucket;

  constructor(scope: Construct, id: string, props: ChisoStackProps) {
    const { settings, ...stackProps } = props;
    super(scope, id, {
      description: `Chỉ số (${settings.stage}): table, API, user pool, evidence files and web app`,
      terminationProtection: settings.production,
      ...stackProps,
    });
    Tags.of(this).add('project', 'chiso');
    Tags.of(this).add('stage', settings.stage);

    this.data = new DataTable(this, 'Data', { production: settings.production });
    this.auth = new Auth(this, 'Auth', { production: settings.production });
    this.api = new Api(this, 'Api', {
      production: settings.production,
      table: this.data.table,
      userPool: this.auth.userPool,
      webClient: this.auth.webClient,
      logRetention: settings.logRetention,
      throttle: settings.apiThrottle,
    });
    this.web = new WebHosting(this, 'Web', {
      production: settings.production,
      apiDomainName: this.api.originDomainName,
      webDistDir: settings.webDistDir,
    });
    // Last, and attached to the API afterwards: its CORS needs the web origin, which needs the API. The
    // references still run one way (Lambda → bucket → distribution → HTTP API), so CloudFormation sees no cycle.
    this.evidence = new EvidenceBucket(this, 'Evidence', {
      production: settings.production,
      allowedOrigins: [this.web.origin, ...settings.extraWebOrigins],
    });
    this.api.useEvidenceBucket(this.evidence.bucket);

    this.outputs(settings);
  }

  private outputs(settings: StageSettings): void {
    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('WebUrl', this.web.origin, 'Open this: the web app, with the API under /api on the same origin');
    output('ApiEndpoint', this.api.httpApi.apiEndpoint, 'The HTTP API itself, bypassing CloudFront (smoke tests, debugging)');
    output('UserPoolId', this.auth.userPool.userPoolId, "The web app's sign-in settings; also where admins create accounts");
    output('UserPoolClientId', this.auth.webClient.userPoolClientId, "The web app's Cognito app client (SRP sign-in, no secret)");
    output('Region', this.region, 'Where the stack runs (the web app needs it for Cognito)');
    output('TableName', this.data.table.tableName, 'The DynamoDB table (DATA-MODEL.md); for backups, restores and ad-hoc reads');
    output('EvidenceBucketName', this.evidence.bucket.bucketName, "The evidence files' bucket");
    output('WebBucketName', this.web.bucket.bucketName, 'Where the built web app lives');
    output('DistributionId', this.web.distribution.distributionId, 'For manual invalidations (aws cloudfront create-invalidation)');
    output('ApiFunctionName', this.api.handler.functionName, "The API Lambda; its logs are under /aws/lambda/<name>'s group");
    if (!this.web.deploysWebApp) {
      output('WebAppDeployed', 'false', `web/dist was absent at synth (${settings.webDistDir}): build the web app, then deploy again`);
    }
  }
}
