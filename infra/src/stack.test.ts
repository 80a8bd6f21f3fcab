import { describe, expect, it } from 'vitest';
import { defaultRegion, stageSettings } from './config.ts';
import { type CfnResource, logicalId, referencedIds, synth } from './testing/synth.ts';

/** Resource ids that depend on each other in a loop (what CloudFormation would refuse), or []. */
function findCycle(resources: Record<string, CfnResource>): string[] {
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    edges.set(id, [...referencedIds(resource.Properties), ...dependsOn].filter((target) => target in resources));
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] => {
    if (state.get(id) === 'done') return [];
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle.length > 0) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return [];
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle.length > 0) return cycle;
  }
  return [];
}

describe.each(['dev', 'prod'] as const)('the %s stack', (stage) => {
  it(`is Chiso-${stage}, in ${defaultRegion} unless told otherwise`, () => {
    const { stack } = synth(stage);
    expect(stack.stackName).toBe(`Chiso-${stage}`);
    expect(stack.region).toBe(defaultRegion);
  });

  it('has no dependency cycle, though the evidence bucket’s CORS names the distribution that fronts the API', () => {
    const resources = synth(stage).template.toJSON().Resources as Record<string, CfnResource>;
    expect(findCycle(resources)).toEqual([]);
  });

  it('outputs what operators and the web app need', () => {
    const outputs = Object.keys(synth(stage).template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'WebUrl',
        'ApiEndpoint',
        'UserPoolId',
        'UserPoolClientId',
        'Region',
        'TableName',
        'EvidenceBucketName',
        'WebBucketName',
        'DistributionId',
        'ApiFunctionName',
      ]),
    );
  });

  it('tags resources with the project and stage, for cost reports', () => {
    const { stack, template } = synth(stage);
    const tags = [{ Key: 'project', Value: 'chiso' }, { Key: 'stage', Value: stage }];
    const fn = template.toJSON().Resources[logicalId(stack.api.handler)] as CfnResource;
    expect(fn.Properties?.Tags).toEqual(expect.arrayContaining(tags));
    const table = template.toJSON().Resources[logicalId(stack.data.table)] as CfnResource;
    expect(table.Properties?.Replicas).toEqual([expect.objectContaining({ Tags: expect.arrayContaining(tags) })]);
  });
});

it('protects only the prod stack from termination', () => {
  expect(synth('prod').stack.terminationProtection).toBe(true);
  expect(synth('dev').stack.terminationProtection).toBe(false);
});

describe('stage settings', () => {
  it('move to another region when asked', () => {
    expect(stageSettings('prod', { region: 'ap-southeast-2' }).region).toBe('ap-southeast-2');
    expect(stageSettings('prod').region).toBe('ap-southeast-1');
  });

  it('keep data only in prod, and allow the Vite dev server only in dev', () => {
    expect(stageSettings('prod')).toMatchObject({ production: true, extraWebOrigins: [] });
    expect(stageSettings('dev')).toMatchObject({ production: false, extraWebOrigins: ['http://localhost:5173'] });
  });
});

it('finds a cycle when there is one (the check above can fail)', () => {
  expect(
    findCycle({
      A: { Type: 'T', Properties: { X: { Ref: 'B' } } },
      B: { Type: 'T', Properties: { Y: { 'Fn::GetAtt': ['C', 'Arn'] } } },
      C: { Type: 'T', DependsOn: ['A'] },
    }),
  ).toEqual(['A', 'B', 'C', 'A']);
});
