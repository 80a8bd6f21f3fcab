import { Validator } from '@seriousme/openapi-schema-validator';
import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import { createTestStore } from '../testing/test-store.ts';
import { publicAccess } from './access.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { defineRoute } from './route.ts';

const OperationSchema = z.object({
  operationId: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  parameters: z.array(z.object({ name: z.string(), in: z.string(), required: z.boolean() })).optional(),
});
let document: Record<string, unknown>;
let paths: Record<string, Record<string, z.output<typeof OperationSchema>>>;
beforeAll(async () => {
  const response = await createTestApp(await createTestStore()).request('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = JSON.parse(await response.text());
  paths = z.record(z.string(), z.record(z.string(), OperationSchema)).parse(document.paths);
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that passes the official schema', async () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists the tenant routes, with OpenAPI path templates', () => {
    expect(paths['/api/tenants']?.post?.operationId).toBe('createTenant');
    expect(paths['/api/tenants']?.get?.operationId).toBe('listTenants');
    expect(paths['/api/tenants/{tenantId}']?.get?.operationId).toBe('getTenant');
    expect(paths['/api/tenants/{tenantId}']?.patch?.operationId).toBe('updateTenant');
    expect(paths['/api/tenants/{tenantId}/audit-events']?.get?.operationId).toBe('listAuditEvents');
    expect(paths['/api/health']?.get?.operationId).toBe('getHealth');
  });

  it('documents a raw upload by its media types', () => {
    const operation = z
      .object({ requestBody: z.object({ content: z.record(z.string(), z.unknown()) }) })
      .parse(z.record(z.string(), z.record(z.string(), z.unknown())).parse(document.paths)['/api/unit-imports']?.post);
    expect(Object.keys(operation.requestBody.content)).toContain('text/csv');
  });

  it('says which routes need the system-admin token', () => {
    expect(paths['/api/tenants']?.post?.security).toEqual([{ systemAdmin: [] }]);
    expect(paths['/api/health']?.get?.security).toEqual([]);
  });

  it('documents params and query from their schemas, optional or not', () => {
    expect(paths['/api/tenants/{tenantId}']?.get?.parameters).toEqual([expect.objectContaining({ name: 'tenantId', in: 'path', required: true })]);
    expect(paths['/api/tenants']?.get?.parameters?.map((p) => [p.name, p.required])).toEqual([
      ['limit', false],
      ['cursor', false],
    ]);
  });

  it('names the shared schemas once, including the one error shape', () => {
    const components = z.object({ schemas: z.record(z.string(), z.unknown()) }).parse(document.components);
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(['Tenant', 'CreateTenant', 'UpdateTenant', 'TenantPage', 'ErrorResponse']));
    expect(JSON.stringify(document)).not.toContain('#/$defs/');
  });
});

describe('buildOpenApiDocument', () => {
  it('refuses one schema id for two different schemas', () => {
    const a = z.object({ x: z.string() }).meta({ id: 'Same' });
    const b = z.object({ y: z.string() }).meta({ id: 'Same' });
    const route = (schema: z.ZodType, path: string) =>
      defineRoute(
        { method: 'get', path, operationId: path, summary: '', tags: [], access: publicAccess, request: {}, responses: { 200: { description: '', schema } } },
        (_input, c) => c.json({}),
      );
    expect(() => buildOpenApiDocument([route(a, '/a'), route(b, '/b')], { title: 't', version: '1' })).toThrow(/Same/);
  });
});
