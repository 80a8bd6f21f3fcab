import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type StageName, repoRoot, stageSettings } from '../config.ts';
import type { IConstruct } from 'constructs';
import { ChisoStack } from '../stack.ts';

/** A synthesised stage: the stack's constructs and its CloudFormation template. */
export interface Synthesised {
  stack: ChisoStack;
  template: Template;
}

// The same feature flags as `cdk synth`, so the tests judge the template that would be deployed.
export const cdkContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;

/** A web/dist that never exists, so the tests do not depend on whether the web app was built. */
export const absentWebDist = join(repoRoot, 'infra', 'src', 'testing', 'no-web-dist');

const cache = new Map<string, Synthesised>();

/**
 * Synthesises a stage in-process with esbuild bundling skipped (the Lambda's code becomes a placeholder
 * asset). Cached: the infra project runs its files in one module graph (vitest.config.ts), so each
 * stage is synthesised once per run however many tests read it.
 */
export function synth(stage: StageName, options: { webDistDir?: string } = {}): Synthesised {
  const webDistDir = options.webDistDir ?? absentWebDist;
  const key = `${stage}:${webDistDir}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const settings = stageSettings(stage, { webDistDir });
  const stack = new ChisoStack(app, `Chiso-${stage}`, { settings, env: { region: settings.region } });
  const synthesised = { stack, template: Template.fromStack(stack) };
  cache.set(key, synthesised);
  return synthesised;
}

/** A resource of the template, as CloudFormation writes it. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The template's resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/** The only resource of a type, with its logical id; fails when there is none or more than one. */
export function onlyResource(template: Template, type: string): [string, CfnResource] {
  const entries = Object.entries(resourcesOfType(template, type));
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  return entries[0] as [string, CfnResource];
}

/** Logical ids a value refers to (Ref, Fn::GetAtt, ${X} in Fn::Sub), pseudo parameters excluded. */
export function referencedIds(value: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'Ref' && typeof child === 'string' && !child.startsWith('AWS::')) found.add(child);
      else if (key === 'Fn::GetAtt' && Array.isArray(child) && typeof child[0] === 'string') found.add(child[0]);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(child) ? child[0] : child;
        if (typeof text === 'string') {
          for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) {
            if (match[1] !== undefined) found.add(match[1]);
          }
        }
        if (Array.isArray(child)) visit(child[1]);
      } else visit(child);
    }
  };
  visit(value);
  return found;
}

/** The logical id of an L2 construct's CloudFormation resource, as the template names it. */
export function logicalId(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!CfnElement.isCfnElement(resource)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(construct).getLogicalId(resource);
}
