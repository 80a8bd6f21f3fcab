import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

/** The reviewer's desk: loaded only when an office opens it, so the school's form stays small. */
export const reviewRoutes: RouteDefinition[] = [
  { path: '/review', component: lazy(() => import('./queue-screen.tsx')) },
  { path: '/review/:campaignId/:unitId', component: lazy(() => import('./review-screen.tsx')) },
];
