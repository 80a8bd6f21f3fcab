import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The evidence catalogue: its own screen, loaded only when opened so the form's first load stays small. */
export const evidenceRoutes: RouteDefinition[] = [{ path: '/campaigns/:campaignId/evidence', component: lazy(() => import('./catalogue-screen.tsx')) }];
