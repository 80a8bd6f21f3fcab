import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const expected = { attributes: ['pk', 'sk'], partitionAttribute: 'pk', partition: 'TENANT#hai-phong#AUDIT' };

describe('page cursors', () => {
  it('round-trip the key where a listing stopped', () => {
    const key = { pk: 'TENANT#hai-phong#AUDIT', sk: 'EVENT#2025' };
    expect(decodeCursor(encodeCursor(key), expected)).toEqual(key);
  });

  it.each([
    ['garbage', 'not base64 json!'],
    ['another partition', encodeCursor({ pk: 'TENANT#ha-noi#AUDIT', sk: 'x' })],
    ['other attributes', encodeCursor({ pk: 'TENANT#hai-phong#AUDIT', sk: 'x', extra: 'y' })],
    ['a non-string value', Buffer.from(JSON.stringify({ pk: 'TENANT#hai-phong#AUDIT', sk: 1 })).toString('base64url')],
    ['an array', Buffer.from('[]').toString('base64url')],
  ])('refuse %s as invalid input', (_case, cursor) => {
    expect(() => decodeCursor(cursor, expected)).toThrow(InvalidInputError);
  });
});
