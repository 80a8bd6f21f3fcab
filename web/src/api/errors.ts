/** One problem of a refused request, as the API names it: which field, what is wrong. */
export interface ApiErrorDetail {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/**
 * A refused request, read from the API's one error shape
 * `{ error: { code, message, messageEn, details, currentVersion? } }`. `status` 0 means the API could
 * not be reached at all (offline, server down), which autosave shows differently from a refusal.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: readonly ApiErrorDetail[] = [],
    readonly currentVersion: number | null = null,
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }

  /** True when the request never got an answer, so it may be retried as it is. */
  get offline(): boolean {
    return this.status === 0;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function readDetail(value: unknown): ApiErrorDetail | null {
  if (!isRecord(value)) return null;
  const message = text(value.message);
  if (message === null) return null;
  return { path: text(value.path) ?? '', code: text(value.code) ?? '', message, messageEn: text(value.messageEn) ?? message };
}

/**
 * Reads an error response body. Anything that is not the API's shape (a proxy's HTML page, an empty body)
 * still becomes a clear error naming the HTTP status, never a crash.
 */
export function readApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const message = error ? text(error.message) : null;
  if (error === null || message === null) {
    return new ApiError(status, `http-${status}`, `Máy chủ trả lỗi ${status}; vui lòng thử lại sau`, `The server answered ${status}; please try again later`);
  }
  const details = Array.isArray(error.details) ? error.details.map(readDetail).filter((detail) => detail !== null) : [];
  const currentVersion = typeof error.currentVersion === 'number' ? error.currentVersion : null;
  return new ApiError(status, text(error.code) ?? `http-${status}`, message, text(error.messageEn) ?? message, details, currentVersion);
}

/** The error for a request that got no answer. */
export function offlineError(): ApiError {
  return new ApiError(0, 'offline', 'Không kết nối được máy chủ; kiểm tra mạng rồi thử lại', 'Cannot reach the server; check the connection and try again');
}

/** Anything a call threw, as an ApiError (status 0: no answer from the API), so every screen shows one shape. */
export function asApiError(caught: unknown, code = 'unknown'): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, code, String(caught), String(caught));
}
