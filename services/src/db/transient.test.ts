import { describe, expect, it } from 'vitest';
import { isTransientDatabaseError } from './transient.ts';

describe('transient database errors', () => {
  it('recognises throttling, timeouts, dropped connections and server-side failures', () => {
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 500 } }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { $retryable: { throttling: true } }))).toBe(true);
  });

  it('leaves programming errors and refusals of the request itself alone', () => {
    expect(isTransientDatabaseError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isTransientDatabaseError('a string')).toBe(false);
    expect(isTransientDatabaseError(null)).toBe(false);
  });
});
