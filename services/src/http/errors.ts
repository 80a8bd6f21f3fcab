import * as z from 'zod';
import type { IssueDetail } from '../validation/parse-bilingual.ts';

/**
 * The ONE error shape of the API. `message` is for people, in Vietnamese; `messageEn` is its English
 * twin; `code` is stable, for programs. Conflicts add `currentVersion`.
 */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ['validation-failed'] }),
      message: z.string(),
      messageEn: z.string(),
      details: z.array(
        z.object({
          path: z.string().meta({ examples: ['body.name'] }),
          code: z.string(),
          message: z.string(),
          messageEn: z.string(),
        }),
      ),
      requestId: z.string().optional(),
      currentVersion: z.int().nullable().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'Every error of the API has this shape.' });

export type ErrorResponse = z.output<typeof ErrorResponseSchema>;

/** An error that already knows its HTTP status; thrown by the HTTP layer itself (bad JSON, no token…). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
    readonly code: string,
    readonly messageVi: string,
    messageEn: string,
    readonly details: IssueDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(messageEn);
    this.name = 'HttpError';
  }
}

/** The input failed its schema: every issue, with its path. */
export function validationFailed(details: IssueDetail[]): HttpError {
  return new HttpError(400, 'validation-failed', 'Dữ liệu gửi lên không hợp lệ', 'The request is invalid', details);
}

/** Builds the body of an error response. */
export function errorBody(
  code: string,
  message: string,
  messageEn: string,
  details: IssueDetail[] = [],
  extra: { requestId?: string; currentVersion?: number | null } = {},
): ErrorResponse {
  return { error: { code, message, messageEn, details, ...extra } };
}
