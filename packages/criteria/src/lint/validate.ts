import { parseDefinition } from '../definition/parse.ts';
import type { Definition } from '../definition/schema.ts';
import type { Problem } from '../problem.ts';
import { lintDefinitionBands } from './bands.ts';
import { lintCaps } from './caps.ts';
import { lintIds } from './ids.ts';
import { lintMaxima } from './maxima.ts';
import { lintReferences } from './references.ts';
import { lintRules } from './rules.ts';
import { lintAwardStep } from './steps.ts';

/**
 * Everything wrong with a definition, at once, each problem with its path from the definition root:
 * shape problems first (and only those, when the shape is wrong), then ids, rules, references, caps,
 * maxima, bands and the award step.
 * @example isPublishable(validateDefinition(JSON.parse(text)))
 */
export function validateDefinition(input: unknown): Problem[] {
  const parsed = parseDefinition(input);
  if (!parsed.ok) return parsed.problems;
  return lintDefinition(parsed.definition);
}

/** The semantic checks alone, for a definition that already has its shape. */
export function lintDefinition(definition: Definition): Problem[] {
  return [
    ...lintIds(definition),
    ...lintRules(definition),
    ...lintReferences(definition),
    ...lintCaps(definition),
    ...lintMaxima(definition),
    ...lintDefinitionBands(definition),
    ...lintAwardStep(definition),
  ];
}

/** A definition can be published when nothing found is an error; warnings do not block. */
export function isPublishable(problems: readonly Problem[]): boolean {
  return problems.every((found) => found.severity !== 'error');
}
