import { describe, expect, it } from 'vitest';
import { type CfnResource, logicalId, resourcesOfType, synth } from './testing/synth.ts';

const allBlocked = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };

interface PolicyStatement {
  Effect: string;
  Principal: unknown;
  Action: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Resource: unknown;
}

function bucketPolicyStatements(stage: 'dev' | 'prod', bucketId: string): PolicyStatement[] {
  return Object.values(resourcesOfType(synth(stage).template, 'AWS::S3::BucketPolicy'))
    .filter((policy) => JSON.stringify(policy.Properties?.Bucket) === JSON.stringify({ Ref: bucketId }))
    .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
}

describe.each(['dev', 'prod'] as const)('buckets in %s', (stage) => {
  const buckets = () => resourcesOfType(synth(stage).template, 'AWS::S3::Bucket');
  const evidence = (): CfnResource => {
    const { stack } = synth(stage);
    const bucket = buckets()[logicalId(stack.evidence.bucket)];
    if (!bucket) throw new Error('no evidence bucket');
    return bucket;
  };

  it('has exactly the evidence and web buckets, both private, both refusing plain HTTP', () => {
    expect(Object.keys(buckets())).toHaveLength(2);
    for (const [id, bucket] of Object.entries(buckets())) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual(allBlocked);
      expect(bucket.Properties?.BucketEncryption, id).toBeDefined();
      expect(bucketPolicyStatements(stage, id), id).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('keeps evidence versions and cleans up abandoned multipart uploads', () => {
    expect(evidence().Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: expect.arrayContaining([expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })]) },
    });
  });

  it('expires uploads still tagged pending (never attached, or their evidence removed) after a day, and deleted versions after 30 days', () => {
    const rules = (evidence().Properties?.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
    // The tag the API writes on every upload (services/src/storage/s3.ts), and nothing attached carries it.
    expect(rules).toContainEqual({ Id: 'expire-unattached-uploads', Status: 'Enabled', ExpirationInDays: 1, TagFilters: [{ Key: 'chiso-evidence', Value: 'pending' }] });
    expect(rules).toContainEqual({ Id: 'forget-deleted-files', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, ExpiredObjectDeleteMarker: true });
    // No rule expires current objects without the pending tag: attached evidence stays.
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined || rule.ExpirationDate !== undefined)).toHaveLength(1);
  });

  it('accepts presigned PUTs from the web app’s CloudFront origin', () => {
    const { stack } = synth(stage);
    const cloudFrontOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }]] };
    const [rule] = (evidence().Properties?.CorsConfiguration as { CorsRules: Array<Record<string, unknown>> }).CorsRules;
    expect(rule?.AllowedMethods).toContain('PUT');
    expect(rule?.AllowedOrigins).toContainEqual(cloudFrontOrigin);
    expect(rule?.AllowedOrigins).toEqual(stage === 'dev' ? [cloudFrontOrigin, 'http://localhost:5173'] : [cloudFrontOrigin]);
  });

  it('grants the API read, write, tagging and deletion of evidence objects', () => {
    const { stack } = synth(stage);
    const bucketId = logicalId(stack.evidence.bucket);
    const policies = Object.values(resourcesOfType(synth(stage).template, 'AWS::IAM::Policy'));
    const statements = policies.flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
    expect(statements).toContainEqual(
      expect.objectContaining({
        // Tagging too: uploads are presigned with their pending tag, attaching re-tags them.
        Action: expect.arrayContaining(['s3:GetObject*', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject*']),
        Resource: expect.arrayContaining([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }]),
      }),
    );
  });
});

it('retains prod buckets, and lets dev buckets go with their contents', () => {
  for (const bucket of Object.values(resourcesOfType(synth('prod').template, 'AWS::S3::Bucket'))) {
    expect(bucket.DeletionPolicy).toBe('Retain');
  }
  for (const bucket of Object.values(resourcesOfType(synth('dev').template, 'AWS::S3::Bucket'))) {
    expect(bucket.DeletionPolicy).toBe('Delete');
  }
  expect(Object.keys(resourcesOfType(synth('prod').template, 'Custom::S3AutoDeleteObjects'))).toHaveLength(0);
  expect(Object.keys(resourcesOfType(synth('dev').template, 'Custom::S3AutoDeleteObjects'))).toHaveLength(2);
});
