import type * as z from 'zod';
import type { createTestApp } from '../../services/src/testing/test-app.ts';

/** Calls of the API as an account, for the cross-scope suite: JSON bodies, or a raw file for uploads. */

export type Headers = Record<string, string>;
export type App = ReturnType<typeof createTestApp>;

/** A file sent as the raw request body (unit imports). */
export interface Upload {
  contentType: string;
  bytes: Uint8Array;
}

export interface Call {
  method: string;
  /** The path under /api, query string included. */
  path: string;
  headers: Headers;
  body?: unknown;
  upload?: Upload;
}

export async function send(app: App, call: Call): Promise<Response> {
  const headers = call.upload === undefined ? call.headers : { ...call.headers, 'content-type': call.upload.contentType };
  const body = call.upload !== undefined ? call.upload.bytes : call.body === undefined ? undefined : JSON.stringify(call.body);
  return app.request(`/api${call.path}`, { method: call.method, headers, ...(body !== undefined && { body }) });
}

/** The answer of a set-up step that must succeed, read through its documented schema; anything else stops the set-up, saying why. */
export async function expectAnswer<S extends z.ZodType>(app: App, call: Call, status: number, schema: S): Promise<z.output<S>> {
  const response = await send(app, call);
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`set-up: ${call.method} ${call.path} answered ${response.status} (expected ${status}): ${text.slice(0, 600)}`);
  }
  return schema.parse(JSON.parse(text));
}

/** A tiny valid unit list (CSV): one new school with no account column. */
export function unitListCsv(code: string, name: string): Upload {
  const text = `"Mã đơn vị","Tên đơn vị","Loại hình"\r\n"${code}","${name}","Tiểu học"\r\n`;
  return { contentType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(text) };
}
