import { createTableInput } from '@chiso/services/table';
import { describe, expect, it } from 'vitest';
import { onlyResource, synth } from './testing/synth.ts';

// What services create locally (ensure-table) for the same design.
const design = createTableInput('chiso');

describe.each(['dev', 'prod'] as const)('the table in %s', (stage) => {
  const table = () => onlyResource(synth(stage).template, 'AWS::DynamoDB::GlobalTable')[1].Properties ?? {};

  it('has the keys, attributes and indexes of services’ table description', () => {
    const properties = table();
    expect(properties.KeySchema).toEqual(design.KeySchema);
    expect(properties.AttributeDefinitions).toEqual(expect.arrayContaining(design.AttributeDefinitions ?? []));
    expect(properties.AttributeDefinitions).toHaveLength(design.AttributeDefinitions?.length ?? 0);
    expect(properties.GlobalSecondaryIndexes).toEqual(design.GlobalSecondaryIndexes);
  });

  it('lets DynamoDB expire short-lived items by their ttl attribute', () => {
    expect(table().TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('bills on demand', () => {
    expect(table().BillingMode).toBe('PAY_PER_REQUEST');
    expect(design.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('has point-in-time recovery and encryption on', () => {
    const properties = table();
    expect(properties.Replicas).toEqual([
      expect.objectContaining({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    ]);
    expect(properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('lives in the stage’s region (ap-southeast-1 by default)', () => {
    expect(table().Replicas).toEqual([expect.objectContaining({ Region: 'ap-southeast-1' })]);
  });
});

describe('keeping the data', () => {
  it('retains the prod table and protects it from deletion', () => {
    const [, resource] = onlyResource(synth('prod').template, 'AWS::DynamoDB::GlobalTable');
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
    expect(resource.Properties?.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: true })]);
  });

  it('lets a dev table go with its stack', () => {
    const [, resource] = onlyResource(synth('dev').template, 'AWS::DynamoDB::GlobalTable');
    expect(resource.DeletionPolicy).toBe('Delete');
    expect(resource.Properties?.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: false })]);
  });
});
