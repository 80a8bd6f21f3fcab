import { publicAccess } from '../../http/access.ts';
import { defineRoute } from '../../http/route.ts';
import { publicCampaignResults, publicUnitResults } from './public.ts';
import {
  PublicCampaignResultsSchema,
  PublicResultsQuerySchema,
  PublicTenantParamsSchema,
  PublicUnitParamsSchema,
  PublicUnitResultsSchema,
} from './public-schemas.ts';
import { reviewRepository } from './repository.ts';

const tags = ['Public results'];

export const publicCampaignResultsRoute = defineRoute(
  {
    method: 'get',
    path: '/public/:tenantId/results',
    operationId: 'getPublicCampaignResults',
    summary: 'Kết quả đã công bố của một kỳ đánh giá / Published results of a campaign',
    description:
      'Không cần đăng nhập. Chỉ kết quả đã công bố, chỉ các trường công khai; chưa có gì công bố: 404. / No sign-in. Published results ' +
      'only, public fields only; nothing published: 404.',
    tags,
    access: publicAccess,
    request: { params: PublicTenantParamsSchema, query: PublicResultsQuerySchema },
    responses: { 200: { description: 'Kết quả / Results', schema: PublicCampaignResultsSchema } },
  },
  async ({ params, query }, c) => c.json(await publicCampaignResults({ reviews: reviewRepository(c.var.deps.store) }, params.tenantId, query.campaignId), 200),
);

export const publicUnitResultsRoute = defineRoute(
  {
    method: 'get',
    path: '/public/:tenantId/units/:unitId/results',
    operationId: 'getPublicUnitResults',
    summary: 'Kết quả đã công bố của một đơn vị / Published results of a unit',
    description: 'Không cần đăng nhập; mới nhất trước; chưa có gì công bố: 404. / No sign-in; newest first; nothing published: 404.',
    tags,
    access: publicAccess,
    request: { params: PublicUnitParamsSchema },
    responses: { 200: { description: 'Kết quả / Results', schema: PublicUnitResultsSchema } },
  },
  async ({ params }, c) => c.json(await publicUnitResults({ reviews: reviewRepository(c.var.deps.store) }, params.tenantId, params.unitId), 200),
);

export const publicResultRoutes = [publicCampaignResultsRoute, publicUnitResultsRoute];
