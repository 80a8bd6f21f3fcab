/**
 * The database was there but could not take the request just now: too many concurrent transactions on
 * one item, throttling, a timeout or a dropped connection. Nothing was written (a transaction is all or
 * nothing, and the SDK's own retries are done), so the client may send the same request again; the API
 * answers 503 with Retry-After instead of a 500.
 */
export class DatabaseBusyError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    cause: unknown,
  ) {
    super('The database is busy; retry shortly', { cause });
    this.name = 'DatabaseBusyError';
  }
}

// DynamoDB's and the SDK's names for failures that say nothing about the request itself.
const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: unknown;
}

/** True for an error of the database layer that a later retry of the same request may not meet. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape: ErrorShape = error;
  if (typeof shape.name === 'string' && TRANSIENT_NAMES.has(shape.name)) return true;
  if (typeof shape.code === 'string' && TRANSIENT_CODES.has(shape.code)) return true;
  if (shape.$retryable !== undefined && shape.$retryable !== null) return true;
  const status = shape.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}
