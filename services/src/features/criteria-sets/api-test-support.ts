import { type Definition, DefinitionSchema } from '@chiso/criteria';
import { expect } from 'vitest';
import type * as z from 'zod';
import { ErrorResponseSchema } from '../../http/errors.ts';
import type { createTestApp } from '../../testing/test-app.ts';
import { CriteriaVersionDetailSchema } from './responses.ts';

/** Test helpers of the criteria routes: calls as an account, answers read through their documented schemas. */

export type Headers = Record<string, string>;

/** A client of `app` that sends JSON with the given account's headers. */
export function criteriaClient(app: ReturnType<typeof createTestApp>) {
  const call = (headers: Headers, method: string, path: string, body?: unknown) =>
    app.request(`/api${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return {
    call,
    /** Clones the national 4725 as a draft of set `setKey`. */
    cloneDraft: async (headers: Headers, setKey: string, label = '2026.1') =>
      read(await call(headers, 'POST', '/criteria-sets/drafts', { from: 'clone', source: { builtIn: '4725' }, setKey, label }), 201, CriteriaVersionDetailSchema),
    getVersion: async (headers: Headers, setKey: string, number: number) =>
      read(await call(headers, 'GET', `/criteria-sets/${setKey}/versions/${number}`), 200, CriteriaVersionDetailSchema),
  };
}

/** The body of a successful answer, checked against its documented schema: nothing undocumented in it. */
export async function read<S extends z.ZodType>(response: Response, status: number, schema: S): Promise<z.output<S>> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}

export async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return ErrorResponseSchema.parse(await response.json()).error;
}

export function copy(definition: Definition): Definition {
  return DefinitionSchema.parse(structuredClone(definition));
}

/** Criterion 1.4 with level 3 from above 7 points (the national text says above 8). */
export function withBandChanged(definition: Definition): Definition {
  const changed = copy(definition);
  const criterion = changed.groups[0]?.criteria.find((c) => c.id === '1.4');
  if (criterion?.kind !== 'scored') throw new Error('1.4 is scored');
  criterion.bands = [
    { level: 1, max: 4, minInclusive: true, maxInclusive: false },
    { level: 2, min: 4, max: 7, minInclusive: true, maxInclusive: true },
    { level: 3, min: 7, minInclusive: false, maxInclusive: false },
  ];
  return changed;
}

export function withTitle(definition: Definition, vi: string): Definition {
  return { ...copy(definition), title: { vi } };
}

export function bandsOf14(definition: Definition) {
  const criterion = definition.groups[0]?.criteria.find((c) => c.id === '1.4');
  return criterion?.kind === 'scored' ? criterion.bands : null;
}
