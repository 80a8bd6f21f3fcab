import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logicalId, onlyResource, resourcesOfType, synth } from './testing/synth.ts';

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  AllowedMethods?: string[];
  ViewerProtocolPolicy: string;
  FunctionAssociations?: unknown[];
}
interface Origin {
  Id: string;
  DomainName: unknown;
  OriginAccessControlId?: unknown;
  S3OriginConfig?: unknown;
  CustomOriginConfig?: { OriginProtocolPolicy: string };
}
interface DistributionConfig {
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: Origin[];
  DefaultRootObject: string;
  CustomErrorResponses?: unknown;
}

// CloudFront's managed policies, by their fixed ids.
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const allViewerExceptHostHeader = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe.each(['dev', 'prod'] as const)('CloudFront in %s', (stage) => {
  const config = () =>
    onlyResource(synth(stage).template, 'AWS::CloudFront::Distribution')[1].Properties?.DistributionConfig as DistributionConfig;
  const origin = (id: string) => {
    const found = config().Origins.find((o) => o.Id === id);
    if (!found) throw new Error(`no origin ${id}`);
    return found;
  };

  it('routes /api/* to the HTTP API, uncached, with every viewer header, cookie and query string but Host', () => {
    const { stack } = synth(stage);
    const api = config().CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHostHeader,
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      ViewerProtocolPolicy: 'https-only',
    });
    const apiOrigin = origin(api?.TargetOriginId ?? '');
    expect(apiOrigin.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    expect(apiOrigin.DomainName).toEqual({
      'Fn::Join': ['', [{ Ref: logicalId(stack.api.httpApi) }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
    });
  });

  it('serves everything else from the private web bucket through origin access control', () => {
    const { stack } = synth(stage);
    const web = config().DefaultCacheBehavior;
    expect(web).toMatchObject({ CachePolicyId: cachingOptimized, ViewerProtocolPolicy: 'redirect-to-https' });
    const webOrigin = origin(web.TargetOriginId);
    expect(webOrigin.DomainName).toEqual({ 'Fn::GetAtt': [logicalId(stack.web.bucket), 'RegionalDomainName'] });
    expect(webOrigin.OriginAccessControlId).toBeDefined();
    expect(config().DefaultRootObject).toBe('index.html');
  });

  it('answers client-side routes with index.html without touching the API’s error statuses', () => {
    // Error responses are distribution-wide: they would turn the API's 403/404 JSON into the app's HTML.
    expect(config().CustomErrorResponses).toBeUndefined();
    expect(config().DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    const [, fn] = onlyResource(synth(stage).template, 'AWS::CloudFront::Function');
    expect(fn.Properties?.FunctionCode).toContain("request.uri = '/index.html'");
  });

  it('deploys no web app while web/dist is absent, and says so in an output', () => {
    const { stack, template } = synth(stage);
    expect(stack.web.deploysWebApp).toBe(false);
    expect(Object.keys(resourcesOfType(template, 'Custom::CDKBucketDeployment'))).toHaveLength(0);
    expect(template.toJSON().Outputs).toHaveProperty('WebAppDeployed');
  });
});

describe('with a built web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'chiso-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("chiso")');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('uploads hashed assets for a year, the rest revalidated and invalidated at the edge', () => {
    const { stack, template } = synth('prod', { webDistDir: dist });
    expect(stack.web.deploysWebApp).toBe(true);
    const deployments = Object.values(resourcesOfType(template, 'Custom::CDKBucketDeployment')).map((d) => d.Properties ?? {});
    expect(deployments).toHaveLength(2);
    const distributionId = { Ref: logicalId(stack.web.distribution) };
    expect(deployments).toContainEqual(
      expect.objectContaining({ DestinationBucketKeyPrefix: 'assets/', Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } }),
    );
    expect(deployments).toContainEqual(
      expect.objectContaining({ DistributionId: distributionId, DistributionPaths: ['/*'], Exclude: ['assets/*'] }),
    );
    expect(template.toJSON().Outputs).not.toHaveProperty('WebAppDeployed');
  });
});
