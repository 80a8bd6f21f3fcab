import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.ts';

describe('formatPath', () => {
  it('joins names with dots and puts indexes in brackets', () => {
    expect(formatPath(['body', 'items', 2, 'name'])).toBe('body.items[2].name');
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(formatPath(['headers', 'if-match'])).toBe('headers["if-match"]');
  });

  it('reads an empty path as the root', () => {
    expect(formatPath([])).toBe('$');
  });
});
