import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ConflictError, ForbiddenError, InvalidInputError, InvalidInputsError, NotFoundError, StateConflictError } from '../errors.ts';
import { DatabaseBusyError, isTransientDatabaseError } from '../db/transient.ts';
import type { AppEnv } from './app-env.ts';
import { type ErrorResponse, HttpError, errorBody } from './errors.ts';

/**
 * Turns anything thrown by a route into the one error shape. Known errors keep their status; anything
 * else is a 500 whose body says nothing about the cause (it is logged with the request id instead).
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = requestIdOf(c);
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.messageVi, error.message, error.details, { requestId }), error.status);
  }
  if (error instanceof ConflictError) {
    return c.json(errorBody(error.code, error.messageVi, error.message, [], { requestId, currentVersion: error.currentVersion }), 409);
  }
  if (error instanceof StateConflictError) {
    const details = error.details.map((d) => ({ path: d.path, code: d.code, message: d.messageVi, messageEn: d.messageEn }));
    return c.json(errorBody(error.code, error.messageVi, error.message, details, { requestId, currentVersion: error.currentVersion }), 409);
  }
  if (error instanceof InvalidInputsError) {
    const details = error.details.map((d) => ({ path: d.path, code: d.code, message: d.messageVi, messageEn: d.messageEn }));
    return c.json(errorBody('validation-failed', 'Dữ liệu gửi lên không hợp lệ', 'The request is invalid', details, { requestId }), 400);
  }
  if (error instanceof ForbiddenError) {
    return c.json(errorBody('forbidden', error.messageVi, error.message, [], { requestId }), 403);
  }
  if (error instanceof NotFoundError) {
    return c.json(errorBody('not-found', error.messageVi, error.message, [], { requestId }), 404);
  }
  if (error instanceof InvalidInputError) {
    const detail = { path: error.path, code: error.code, message: error.messageVi, messageEn: error.message };
    return c.json(errorBody('validation-failed', 'Dữ liệu gửi lên không hợp lệ', 'The request is invalid', [detail], { requestId }), 400);
  }
  // Hono's own middleware (e.g. a malformed request it rejects) throws these with a 4xx status.
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody('bad-request', 'Yêu cầu không hợp lệ', 'Bad request', [], { requestId }), error.status);
  }
  // Nothing was written; the same request may simply be sent again (autosave does).
  if (error instanceof DatabaseBusyError || isTransientDatabaseError(error)) {
    console.warn(`[${requestId}] ${c.req.method} ${c.req.path}: database busy (${error instanceof Error ? error.name : 'unknown'}), answered 503`);
    c.header('Retry-After', String(error instanceof DatabaseBusyError ? error.retryAfterSeconds : 1));
    return c.json(errorBody('database-busy', 'Hệ thống đang bận; vui lòng thử lại sau giây lát', 'The system is busy; please retry in a moment', [], { requestId }), 503);
  }
  console.error(`[${requestId}] ${c.req.method} ${c.req.path}:`, error);
  const body: ErrorResponse = errorBody('internal-error', 'Lỗi máy chủ; vui lòng thử lại sau', 'Internal server error; please try again later', [], {
    requestId,
  });
  return c.json(body, 500);
};

/** Unknown routes answer 404 in the same shape as every other error. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(
    errorBody('route-not-found', `Không có đường dẫn ${c.req.method} ${c.req.path}`, `No route for ${c.req.method} ${c.req.path}`, [], {
      requestId: requestIdOf(c),
    }),
    404,
  );

function requestIdOf(c: Context<AppEnv>): string {
  return c.get('requestId');
}
