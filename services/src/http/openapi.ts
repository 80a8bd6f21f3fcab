import * as z from 'zod';
import { ErrorResponseSchema } from './errors.ts';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this module writes. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Record<string, string>> };
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };

/**
 * Writes the OpenAPI 3.1 document of `routes` from the same zod schemas that validate them. zod 4 emits
 * JSON Schema 2020-12, which is OpenAPI 3.1's own dialect, so schemas go in unchanged; those with a
 * `.meta({ id })` become `components.schemas` entries referenced by `$ref`.
 * @example buildOpenApiDocument(routes, { title: 'Chỉ số API', version: '0.1.0' })
 */
export function buildOpenApiDocument(routes: readonly Route[], info: OpenApiDocument['info']): OpenApiDocument {
  const components = new Components();
  const paths: OpenApiDocument['paths'] = {};
  const securitySchemes: OpenApiDocument['components']['securitySchemes'] = {};
  components.convert(ErrorResponseSchema, 'output');
  for (const { spec } of routes) {
    const path = `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    const { params, query, body } = spec.request;
    const parameters = [...parametersOf(params, 'path', components), ...parametersOf(query, 'query', components)];
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema && { content: { 'application/json': { schema: components.convert(response.schema, 'output') } } }),
      };
    }
    if (params || query || body) responses['400'] = errorResponse('Dữ liệu không hợp lệ / Invalid request (details list every issue with its path)');
    if (spec.access.scheme) {
      responses['401'] = errorResponse('Chưa xác thực / Not authenticated');
      securitySchemes[spec.access.scheme.name] = spec.access.scheme.definition;
    }
    responses.default = errorResponse('Lỗi / Error, in the one error shape');
    paths[path] ??= {};
    paths[path][spec.method] = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description && { description: spec.description }),
      tags: spec.tags,
      security: spec.access.scheme ? [{ [spec.access.scheme.name]: [] }] : [],
      ...(parameters.length > 0 && { parameters }),
      ...(body && { requestBody: { required: true, content: { 'application/json': { schema: components.convert(body, 'input') } } } }),
      // OpenAPI 3.1 describes raw bytes by their media type, with no schema for the content itself.
      ...(spec.upload && {
        requestBody: {
          required: true,
          description: spec.upload.description,
          content: Object.fromEntries(spec.upload.contentTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
        },
      }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components.schemas, securitySchemes },
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ERROR_REF } } };
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query', components: Components) {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = components.convert(field, 'input');
    return {
      name,
      in: where,
      // A field that accepts `undefined` (optional, or with a default) may be left out.
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(typeof json.description === 'string' && { description: json.description }),
      schema: json,
    };
  });
}

/** Collects named schemas; refuses one id standing for two different schemas. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const named = retarget(definition);
      const known = this.schemas[id];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(named)) {
        throw new Error(`Schema id "${id}" names two different schemas (request and response?): give each its own id`);
      }
      this.schemas[id] = named;
    }
    return retarget(json);
  }
}

/** Points zod's local `#/$defs/X` references at `#/components/schemas/X`. */
function retarget(schema: unknown): JsonSchema {
  const moved: unknown = JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'));
  if (typeof moved !== 'object' || moved === null || Array.isArray(moved)) throw new TypeError('A JSON Schema must be an object');
  return Object.fromEntries(Object.entries(moved));
}
