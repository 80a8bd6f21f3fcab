import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

// The builder's screens load on their own route only: a school never downloads them (nor their phrases).
const CatalogueScreen = lazy(() => import('./catalogue-page.tsx').then((module) => ({ default: module.CatalogueScreen })));
const EditorScreen = lazy(() => import('./editor-page.tsx').then((module) => ({ default: module.EditorScreen })));

/** The provincial form builder: the catalogue of criteria sets, and one version in the editor. */
export const builderRoutes: RouteDefinition[] = [
  { path: '/builder', component: CatalogueScreen },
  { path: '/builder/:setKey/:number', component: EditorScreen },
];
