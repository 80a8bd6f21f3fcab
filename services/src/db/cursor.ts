import { InvalidInputError } from '../errors.ts';

/** Where a listing stopped: DynamoDB's LastEvaluatedKey, whose attributes are all strings in this table. */
export type PageKey = Record<string, string>;

/**
 * Wraps a LastEvaluatedKey as an opaque URL-safe cursor for the next page.
 * @example encodeCursor({ pk: 'TENANT#hai-phong#AUDIT#tenant#hai-phong', sk: 'EVENT#…' })
 */
export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back, accepting only one made by the same listing: exactly the key attributes of the
 * queried index, all strings, and the same partition. Anything else is a 400, never a DynamoDB error.
 */
export function decodeCursor(cursor: string, expected: { attributes: readonly string[]; partitionAttribute: string; partition: string }): PageKey {
  const invalid = new InvalidInputError(
    'query.cursor',
    'invalid-cursor',
    'Con trỏ trang không hợp lệ; hãy bắt đầu lại từ trang đầu',
    'Invalid page cursor; start again from the first page',
  );
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid;
  const entries = Object.entries(value);
  const wanted = new Set(expected.attributes);
  if (entries.length !== wanted.size || entries.some(([name, v]) => !wanted.has(name) || typeof v !== 'string')) throw invalid;
  const key: PageKey = Object.fromEntries(entries.map(([name, v]) => [name, String(v)]));
  if (key[expected.partitionAttribute] !== expected.partition) throw invalid;
  return key;
}
