import { describe, expect, it } from 'vitest';
// Reached by path, not by package export: the point is to check our environment against services' own parser.
import { loadConfig } from '../../services/src/config/env.ts';
import { type CfnResource, logicalId, onlyResource, resourcesOfType, synth } from './testing/synth.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The API function (the stack's other functions, in dev, are CDK's bucket-cleanup helpers). */
function apiFunction(stage: 'dev' | 'prod'): [string, CfnResource] {
  const { stack, template } = synth(stage);
  const id = logicalId(stack.api.handler);
  const resource = resourcesOfType(template, 'AWS::Lambda::Function')[id];
  if (!resource) throw new Error(`no function ${id}`);
  return [id, resource];
}

function apiStatements(stage: 'dev' | 'prod'): Statement[] {
  const { stack, template } = synth(stage);
  const role = stack.api.handler.role;
  if (!role) throw new Error('the API function has no role');
  const roleId = logicalId(role);
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe.each(['dev', 'prod'] as const)('the API in %s', (stage) => {
  const tableId = () => onlyResource(synth(stage).template, 'AWS::DynamoDB::GlobalTable')[0];
  const tableArn = () => ({ 'Fn::GetAtt': [tableId(), 'Arn'] });
  const indexArns = () => ({ 'Fn::Join': ['', [tableArn(), '/index/*']] });

  it('runs services/src/lambda.ts on Node 22, ARM64', () => {
    const properties = apiFunction(stage)[1].Properties ?? {};
    expect(properties.Runtime).toBe('nodejs22.x');
    expect(properties.Architectures).toEqual(['arm64']);
    expect(properties.Handler).toBe('index.handler');
  });

  it('gets the production environment: STAGE=prod, the table, Cognito, the evidence bucket', () => {
    const { stack } = synth(stage);
    const variables = (apiFunction(stage)[1].Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables).toEqual({
      STAGE: 'prod',
      TABLE_NAME: { Ref: tableId() },
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: { Ref: logicalId(stack.auth.userPool) },
      COGNITO_CLIENT_ID: { Ref: logicalId(stack.auth.webClient) },
      EVIDENCE_BUCKET: { Ref: logicalId(stack.evidence.bucket) },
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('passes an environment that services’ loadConfig accepts as prod with Cognito', () => {
    const variables = (apiFunction(stage)[1].Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    // Deploy-time values become plausible literals (bucket names are lower case); Lambda itself sets AWS_LAMBDA_FUNCTION_NAME.
    const literal = (name: string) => (name === 'EVIDENCE_BUCKET' ? 'chiso-evidence-1a2b3c' : 'Chiso-table-1A2B3C');
    const env = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : literal(name)]),
    );
    const config = loadConfig({ ...env, AWS_LAMBDA_FUNCTION_NAME: 'api' });
    expect(config).toMatchObject({ stage: 'prod', authMode: 'cognito', tableName: 'Chiso-table-1A2B3C', dynamodbEndpoint: null, evidenceBucket: 'chiso-evidence-1a2b3c', linkCheckAllowPrivate: false });
  });

  it('may use the table and its indexes, and nothing else in DynamoDB', () => {
    const dynamo = apiStatements(stage).filter((s) => list(s.Action).some((action) => action.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      expect(statement.Effect).toBe('Allow');
      for (const action of list(statement.Action)) expect(action).not.toMatch(/\*/);
      for (const resource of list(statement.Resource)) expect([tableArn(), indexArns()]).toContainEqual(resource);
    }
    const allowed = (action: string) => dynamo.some((s) => list(s.Action).includes(action));
    for (const action of ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem', 'DescribeTable']) {
      expect(allowed(`dynamodb:${action}`), action).toBe(true);
    }
    // No access pattern scans, and a scan would read across tenants.
    expect(allowed('dynamodb:Scan')).toBe(false);
    const queries = dynamo.filter((s) => list(s.Action).includes('dynamodb:Query'));
    expect(queries.flatMap((s) => list(s.Resource))).toContainEqual(indexArns());
  });

  it('has no wildcard grant anywhere in its role’s inline policy', () => {
    for (const statement of apiStatements(stage)) {
      expect(list(statement.Action)).not.toContain('*');
      expect(list(statement.Action).filter((action) => action.endsWith(':*'))).toEqual([]);
      expect(list(statement.Resource)).not.toContain('*');
    }
  });

  it('sits behind an HTTP API at ANY /api/{proxy+}, with payload format 2.0', () => {
    const { template } = synth(stage);
    const [integrationId, integration] = onlyResource(template, 'AWS::ApiGatewayV2::Integration');
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [apiFunction(stage)[0], 'Arn'] },
    });
    const [, route] = onlyResource(template, 'AWS::ApiGatewayV2::Route');
    expect(route.Properties).toMatchObject({
      RouteKey: 'ANY /api/{proxy+}',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
    });
  });

  it('throttles the stage and logs its requests', () => {
    const [, apiStage] = onlyResource(synth(stage).template, 'AWS::ApiGatewayV2::Stage');
    expect(apiStage.Properties?.StageName).toBe('$default');
    expect(apiStage.Properties?.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    expect(apiStage.Properties?.AccessLogSettings).toMatchObject({ DestinationArn: expect.anything() });
  });

  it('keeps logs for a set time', () => {
    const groups = Object.values(resourcesOfType(synth(stage).template, 'AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) expect(group.Properties?.RetentionInDays).toBe(stage === 'prod' ? 365 : 14);
    const loggingConfig = apiFunction(stage)[1].Properties?.LoggingConfig as { LogGroup: unknown };
    expect(loggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/^ApiHandlerLogs/) });
  });
});

it('throttles prod harder than any one client could need, and dev lower still', () => {
  const limits = (stage: 'dev' | 'prod') =>
    onlyResource(synth(stage).template, 'AWS::ApiGatewayV2::Stage')[1].Properties?.DefaultRouteSettings;
  expect(limits('prod')).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
  expect(limits('dev')).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
});
