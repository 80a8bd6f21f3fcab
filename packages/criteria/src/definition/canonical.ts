import type { JsonValue } from './rule.ts';

/**
 * JSON with object keys sorted at every depth and no white space: two definitions with the same content
 * give the same text whatever order their keys were written in, so a hash of it names the content.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value as JsonValue));
}

function sorted(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item !== undefined) out[key] = sorted(item);
  }
  return out;
}
