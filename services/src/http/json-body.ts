import type { Context } from 'hono';
import { HttpError } from './errors.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a request body as JSON: 415 unless the content type is JSON (which also keeps plain HTML forms
 * from posting cross-site without a CORS preflight), 400 `invalid-json` for an empty or malformed body.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      'Nội dung phải là JSON (Content-Type: application/json)',
      'The body must be JSON (Content-Type: application/json)',
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    throw new HttpError(400, 'invalid-json', 'Nội dung gửi lên không phải JSON hợp lệ', 'The body is not valid JSON', [
      { path: 'body', code: 'invalid-json', message: `JSON không hợp lệ: ${reason}`, messageEn: `Invalid JSON: ${reason}` },
    ]);
  }
}
