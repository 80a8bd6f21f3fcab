import { TenantContext } from '../../auth/tenant-context.ts';
import { systemAdminAccess } from '../../http/access.ts';
import { defineRoute } from '../../http/route.ts';
import { TenantParamsSchema } from '../tenants/schemas.ts';
import { auditLog } from './repository.ts';
import { AuditEventPageSchema, AuditQuerySchema } from './schemas.ts';

export const listAuditEventsRoute = defineRoute(
  {
    method: 'get',
    path: '/tenants/:tenantId/audit-events',
    operationId: 'listAuditEvents',
    summary: 'Nhật ký thay đổi / Audit log',
    description:
      'Mới nhất trước. Không có entityType/entityId: cả Sở theo thời gian; có: lịch sử của một đối tượng. / Newest first: ' +
      'the whole tenant by time, or one entity’s history.',
    tags: ['Audit'],
    access: systemAdminAccess,
    request: { params: TenantParamsSchema, query: AuditQuerySchema },
    responses: { 200: { description: 'Một trang / One page', schema: AuditEventPageSchema } },
  },
  async ({ params, query, admin }, c) => {
    const ctx = TenantContext.forSystemAdmin(admin, params.tenantId);
    const log = auditLog(c.var.deps.store);
    const page = { limit: query.limit, cursor: query.cursor ?? null };
    const { entityType, entityId } = query;
    const events =
      entityType !== undefined && entityId !== undefined
        ? await log.forEntity(ctx, { type: entityType, id: entityId }, page)
        : await log.forTenant(ctx, page);
    return c.json(events, 200);
  },
);

export const auditEventRoutes = [listAuditEventsRoute];
