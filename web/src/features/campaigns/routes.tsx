import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

// Lazy: a school never loads the campaign screens; they come in their own chunks on first visit.
const CampaignListPage = lazy(() => import('./list-page.tsx').then((module) => ({ default: module.CampaignListPage })));
const NewCampaignPage = lazy(() => import('./new-campaign-page.tsx').then((module) => ({ default: module.NewCampaignPage })));
const EditCampaignPage = lazy(() => import('./edit-campaign-page.tsx').then((module) => ({ default: module.EditCampaignPage })));
const CampaignPage = lazy(() => import('./campaign-page.tsx').then((module) => ({ default: module.CampaignPage })));

/** The campaign screens of the Sở and the Phòng: list, new campaign, a campaign's plan, progress and history, its edit form. */
export const campaignRoutes: RouteDefinition[] = [
  { path: '/manage/campaigns', component: CampaignListPage },
  { path: '/manage/campaigns/new', component: NewCampaignPage },
  { path: '/manage/campaigns/:campaignId', component: CampaignPage },
  { path: '/manage/campaigns/:campaignId/edit', component: EditCampaignPage },
];
