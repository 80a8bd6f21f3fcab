import { auditEventRoutes } from './features/audit-events/routes.ts';
import { healthRoute } from './features/health/routes.ts';
import { tenantRoutes } from './features/tenants/routes.ts';
import type { Route } from './http/route.ts';

/** Every route of the API, feature by feature: what app.ts mounts and what the OpenAPI document lists. */
export const apiRoutes: readonly Route[] = [healthRoute, ...tenantRoutes, ...auditEventRoutes];
