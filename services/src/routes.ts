import { accountRoutes } from './features/accounts/routes.ts';
import { auditEventRoutes } from './features/audit-events/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { campaignRoutes } from './features/campaigns/routes.ts';
import { criteriaSetRoutes } from './features/criteria-sets/routes.ts';
import { docsRoute } from './features/docs/routes.ts';
import { evidenceRoutes } from './features/evidence/routes.ts';
import { healthRoute } from './features/health/routes.ts';
import { reviewRoutes } from './features/reviews/routes.ts';
import { submissionRoutes } from './features/submissions/routes.ts';
import { tenantRoutes } from './features/tenants/routes.ts';
import { unitImportRoutes } from './features/unit-imports/routes.ts';
import { unitRoutes } from './features/units/routes.ts';
import type { Route } from './http/route.ts';

/** Every route of the API, feature by feature: what app.ts mounts and what the OpenAPI document lists. */
export const apiRoutes: readonly Route[] = [healthRoute, ...tenantRoutes, ...auditEventRoutes, ...authRoutes, ...accountRoutes, ...criteriaSetRoutes, ...unitRoutes, ...unitImportRoutes, ...campaignRoutes, ...submissionRoutes, ...reviewRoutes, ...evidenceRoutes, docsRoute];
