import { TenantContext } from '../../auth/tenant-context.ts';
import { systemAdminAccess } from '../../http/access.ts';
import { PageQuerySchema } from '../../http/paging.ts';
import { defineRoute } from '../../http/route.ts';
import { tenantRepository } from './repository.ts';
import { CreateTenantSchema, TenantPageSchema, TenantParamsSchema, TenantSchema, UpdateTenantSchema } from './schemas.ts';
import { createTenant, getTenant, listTenants, updateTenant } from './use-cases.ts';

const tags = ['Tenants'];

export const createTenantRoute = defineRoute(
  {
    method: 'post',
    path: '/tenants',
    operationId: 'createTenant',
    summary: 'Tạo Sở GDĐT (tenant) / Create a tenant',
    tags,
    access: systemAdminAccess,
    request: { body: CreateTenantSchema },
    responses: { 201: { description: 'Đã tạo / Created', schema: TenantSchema } },
  },
  async ({ body: { id, ...fields }, admin }, c) => {
    const tenant = await createTenant(tenantRepository(c.var.deps.store), TenantContext.forSystemAdmin(admin, id), fields);
    c.header('Location', `/api/tenants/${tenant.id}`);
    return c.json(tenant, 201);
  },
);

export const listTenantsRoute = defineRoute(
  {
    method: 'get',
    path: '/tenants',
    operationId: 'listTenants',
    summary: 'Danh sách Sở GDĐT / List tenants',
    tags,
    access: systemAdminAccess,
    request: { query: PageQuerySchema },
    responses: { 200: { description: 'Một trang, theo mã / One page, by id', schema: TenantPageSchema } },
  },
  async ({ query, admin }, c) =>
    c.json(await listTenants(tenantRepository(c.var.deps.store), admin, { limit: query.limit, cursor: query.cursor ?? null }), 200),
);

export const getTenantRoute = defineRoute(
  {
    method: 'get',
    path: '/tenants/:tenantId',
    operationId: 'getTenant',
    summary: 'Xem một Sở GDĐT / Read a tenant',
    tags,
    access: systemAdminAccess,
    request: { params: TenantParamsSchema },
    responses: { 200: { description: 'Sở GDĐT / The tenant', schema: TenantSchema } },
  },
  async ({ params, admin }, c) =>
    c.json(await getTenant(tenantRepository(c.var.deps.store), TenantContext.forSystemAdmin(admin, params.tenantId)), 200),
);

export const updateTenantRoute = defineRoute(
  {
    method: 'patch',
    path: '/tenants/:tenantId',
    operationId: 'updateTenant',
    summary: 'Đổi tên Sở GDĐT / Rename a tenant',
    description:
      'Gửi kèm `version` đã đọc; nếu Sở đã bị sửa sau đó, trả 409 với `currentVersion`. / Send the `version` you read; ' +
      'if the tenant changed since, the answer is 409 with `currentVersion`.',
    tags,
    access: systemAdminAccess,
    request: { params: TenantParamsSchema, body: UpdateTenantSchema },
    responses: { 200: { description: 'Sở GDĐT sau khi sửa / The tenant after the change', schema: TenantSchema } },
  },
  async ({ params, body, admin }, c) =>
    c.json(await updateTenant(tenantRepository(c.var.deps.store), TenantContext.forSystemAdmin(admin, params.tenantId), body), 200),
);

/** Every route of the tenants feature. */
export const tenantRoutes = [createTenantRoute, listTenantsRoute, getTenantRoute, updateTenantRoute];
