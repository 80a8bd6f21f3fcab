import type { Context } from 'hono';
import type * as z from 'zod';
import { type IssueDetail, parseBilingual } from '../validation/parse-bilingual.ts';
import type { Access } from './access.ts';
import type { AppEnv } from './app-env.ts';
import { validationFailed } from './errors.ts';
import { readJsonBody } from './json-body.ts';

/** The schemas a route checks its input with; each one is also its OpenAPI description. */
export interface RequestSchemas {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
}

export interface RouteSpec<R extends RequestSchemas, Principal extends object> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono syntax, relative to /api: `/tenants/:tenantId`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access<Principal>;
  request: R;
  /** A raw (non-JSON) body the handler reads itself, e.g. an uploaded file: documented, not parsed here. */
  upload?: { contentTypes: readonly string[]; description: string };
  /** Success responses; the error responses (the one error shape) are documented for every route. */
  responses: Record<number, ResponseSpec>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: its parsed input and what its Access says about the caller. */
export type RouteInput<R extends RequestSchemas, Principal extends object> = {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
} & Principal;

/** A route ready to mount: its description (for OpenAPI) and its request handler. */
export interface Route {
  readonly spec: RouteSpec<RequestSchemas, object>;
  handle(c: Context<AppEnv>): Promise<Response>;
}

/**
 * Defines a route: the caller is authenticated first (no validation details for strangers), then
 * params, query and body are checked against their schemas, all issues reported at once as a 400, and
 * only then does the handler run, with typed input.
 * @example defineRoute({ method: 'get', path: '/tenants/:tenantId', …, access: systemAdminAccess,
 *   request: { params: TenantParams }, responses: { 200: { description: 'The tenant', schema: TenantSchema } } },
 *   async ({ params, admin }, c) => c.json(await getTenant(…), 200))
 */
export function defineRoute<const R extends RequestSchemas, Principal extends object>(
  spec: RouteSpec<R, Principal>,
  handler: (input: RouteInput<R, Principal>, c: Context<AppEnv>) => Response | Promise<Response>,
): Route {
  return {
    spec,
    async handle(c) {
      const principal = await spec.access.authenticate(c);
      const input = await parseRequest(spec.request, c);
      return handler({ ...input, ...principal }, c);
    },
  };
}

async function parseRequest<R extends RequestSchemas>(request: R, c: Context<AppEnv>): Promise<RouteInput<R, Record<never, never>>> {
  const issues: IssueDetail[] = [];
  const check = (schema: z.ZodType | undefined, value: unknown, at: string): unknown => {
    if (schema === undefined) return undefined;
    const result = parseBilingual(schema, value, [at]);
    if (result.success) return result.data;
    issues.push(...result.issues);
    return undefined;
  };
  const params = check(request.params, c.req.param(), 'params');
  const query = check(request.query, c.req.query(), 'query');
  // A malformed body is its own 400 (invalid-json): there is nothing to validate field by field.
  const body = request.body === undefined ? undefined : check(request.body, await readJsonBody(c), 'body');
  if (issues.length > 0) throw validationFailed(issues);
  // Each value was produced by the schema R names for it, which TypeScript cannot follow through `check`.
  return { params, query, body } as RouteInput<R, Record<never, never>>;
}
