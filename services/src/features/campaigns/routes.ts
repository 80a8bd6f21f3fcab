import type { Context } from 'hono';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { PageQuerySchema } from '../../http/paging.ts';
import { defineRoute } from '../../http/route.ts';
import { auditLog } from '../audit-events/repository.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { unitRepository } from '../units/repository.ts';
import { campaignEntity, campaignRepository } from './repository.ts';
import {
  CampaignListQuerySchema,
  CampaignListSchema,
  CampaignParamsSchema,
  CampaignSchema,
  CampaignTransitionSchema,
  CreateCampaignSchema,
  ExtensionListSchema,
  ExtensionSchema,
  GrantExtensionSchema,
  OpenedCampaignSchema,
  UpdateCampaignSchema,
} from './schemas.ts';
import {
  type CampaignDeps,
  closeCampaign,
  createCampaign,
  grantExtension,
  listCampaigns,
  listExtensions,
  openCampaign,
  requireCampaign,
  updateCampaign,
} from './use-cases.ts';

const tags = ['Campaigns'];

const depsOf = (c: Context<AppEnv>): CampaignDeps => {
  const { store } = c.var.deps;
  return { campaigns: campaignRepository(store), sets: criteriaSetRepository(store), units: unitRepository(store), submissions: submissionRepository(store) };
};
const conflict = (description: string) => ({ description, schema: ErrorResponseSchema });
const VERSION_NOTE =
  'Gửi kèm `version` đã đọc; nếu kỳ đánh giá đã bị sửa sau đó, trả 409 với `currentVersion`. / Send the `version` you read; if the campaign ' +
  'changed since, the answer is 409 with `currentVersion`.';

export const createCampaignRoute = defineRoute(
  {
    method: 'post',
    path: '/campaigns',
    operationId: 'createCampaign',
    summary: 'Tạo kỳ đánh giá / Create a campaign',
    description:
      'Kỳ đánh giá mới ở trạng thái nháp, thuộc một Sở hoặc Phòng (cần quyền quản lý kỳ đánh giá ở đó). Mỗi loại trường được gán nhiều nhất một ' +
      'phiên bản bộ chỉ số đã ban hành, và phiên bản đó phải áp dụng cho loại trường ấy. / A new draft campaign of a department or office ' +
      '(campaign.manage there). Each kind of school gets at most one published criteria version, which must apply to that kind.',
    tags,
    access: accountAccess,
    request: { body: CreateCampaignSchema },
    responses: { 201: { description: 'Đã tạo / Created', schema: CampaignSchema } },
  },
  async ({ body, caller }, c) => {
    const campaign = await createCampaign(depsOf(c), caller, body);
    c.header('Location', `/api/campaigns/${campaign.id}`);
    return c.json(campaign, 201);
  },
);

export const listCampaignsRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns',
    operationId: 'listCampaigns',
    summary: 'Danh sách kỳ đánh giá / List campaigns',
    description:
      'Các kỳ đánh giá bạn thấy được (của đơn vị bạn, đơn vị cấp trên hoặc cấp dưới), năm học mới nhất trước. / The campaigns you can see ' +
      '(of your unit, above it or below it), newest school year first.',
    tags,
    access: accountAccess,
    request: { query: CampaignListQuerySchema },
    responses: { 200: { description: 'Các kỳ đánh giá / The campaigns', schema: CampaignListSchema } },
  },
  async ({ query, caller }, c) => c.json({ items: await listCampaigns(depsOf(c), caller, query) }, 200),
);

export const getCampaignRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId',
    operationId: 'getCampaign',
    summary: 'Xem kỳ đánh giá / Read a campaign',
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema },
    responses: { 200: { description: 'Kỳ đánh giá / The campaign', schema: CampaignSchema } },
  },
  async ({ params, caller }, c) => c.json(await requireCampaign(depsOf(c), caller, params.campaignId, 'campaign.read'), 200),
);

export const updateCampaignRoute = defineRoute(
  {
    method: 'patch',
    path: '/campaigns/:campaignId',
    operationId: 'updateCampaign',
    summary: 'Sửa kỳ đánh giá / Change a campaign',
    description: `Bản nháp sửa được mọi trường; kỳ đang diễn ra chỉ sửa được các hạn (409 nếu khác); kỳ đã đóng không sửa được. / A draft changes freely; an open campaign only its deadlines (409 otherwise); a closed one not at all. ${VERSION_NOTE}`,
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, body: UpdateCampaignSchema },
    responses: { 200: { description: 'Kỳ đánh giá sau khi sửa / The campaign after the change', schema: CampaignSchema }, 409: conflict('Phiên bản cũ hoặc trường bị khoá / Stale version or locked field') },
  },
  async ({ params, body, caller }, c) => c.json(await updateCampaign(depsOf(c), caller, params.campaignId, body), 200),
);

export const openCampaignRoute = defineRoute(
  {
    method: 'post',
    path: '/campaigns/:campaignId/open',
    operationId: 'openCampaign',
    summary: 'Mở kỳ đánh giá / Open a campaign',
    description:
      'Tạo hồ sơ cho mọi trường đang hoạt động trong phạm vi có loại được gán bộ chỉ số; trường thêm sau sẽ tự tham gia khi mở hồ sơ lần đầu. ' +
      `/ Creates the submission of every active school in scope whose kind has a version; schools added later join on first read. ${VERSION_NOTE}`,
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, body: CampaignTransitionSchema },
    responses: { 200: { description: 'Đã mở / Opened', schema: OpenedCampaignSchema }, 409: conflict('Không ở trạng thái nháp / Not a draft') },
  },
  async ({ params, body, caller }, c) => c.json(await openCampaign(depsOf(c), caller, params.campaignId, body.version), 200),
);

export const closeCampaignRoute = defineRoute(
  {
    method: 'post',
    path: '/campaigns/:campaignId/close',
    operationId: 'closeCampaign',
    summary: 'Đóng kỳ đánh giá / Close a campaign',
    description: `Hồ sơ được giữ nguyên và không sửa, nộp được nữa. / Submissions stay as they are and can no longer change. ${VERSION_NOTE}`,
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, body: CampaignTransitionSchema },
    responses: { 200: { description: 'Đã đóng / Closed', schema: CampaignSchema }, 409: conflict('Không đang diễn ra / Not open') },
  },
  async ({ params, body, caller }, c) => c.json(await closeCampaign(depsOf(c), caller, params.campaignId, body.version), 200),
);

export const grantExtensionRoute = defineRoute(
  {
    method: 'post',
    path: '/campaigns/:campaignId/extensions',
    operationId: 'grantCampaignExtension',
    summary: 'Gia hạn một bước cho một đơn vị / Extend one step’s deadline for a unit',
    description:
      'Bước (`step`): tự đánh giá (mặc định), đánh giá ngoài, công nhận hoặc công bố. Lý do (`reason`, 3–500 ký tự) được lưu cùng gia hạn và ghi nhật ký. ' +
      'Gửi lại với ngày khác để đổi hạn đã gia. Để gia hạn cho mọi đơn vị, sửa hạn của kỳ đánh giá (PATCH). / The `step`: self-assessment (the ' +
      'default), external review, recognition or publication. The `reason` (3–500 characters) is kept with the extension and in the audit log. ' +
      'Send again with another day to move it. To extend a step for every unit, change the campaign’s deadline (PATCH).',
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, body: GrantExtensionSchema },
    responses: { 200: { description: 'Gia hạn / The extension', schema: ExtensionSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await grantExtension(depsOf(c), caller, params.campaignId, body), 200),
);

export const listExtensionsRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId/extensions',
    operationId: 'listCampaignExtensions',
    summary: 'Các gia hạn của kỳ đánh giá / A campaign’s extensions',
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema },
    responses: { 200: { description: 'Theo đơn vị / By unit', schema: ExtensionListSchema } },
  },
  async ({ params, caller }, c) => c.json({ items: await listExtensions(depsOf(c), caller, params.campaignId) }, 200),
);

export const campaignHistoryRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId/history',
    operationId: 'getCampaignHistory',
    summary: 'Lịch sử kỳ đánh giá / Campaign history',
    description: 'Tạo, sửa, mở, đóng, gia hạn; mới nhất trước. / Creation, changes, opening, closing, extensions; newest first.',
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, query: PageQuerySchema },
    responses: { 200: { description: 'Một trang / One page', schema: AuditEventPageSchema } },
  },
  async ({ params, query, caller }, c) => {
    const campaign = await requireCampaign(depsOf(c), caller, params.campaignId, 'campaign.manage');
    const page = { limit: query.limit, cursor: query.cursor ?? null };
    return c.json(await auditLog(c.var.deps.store).forEntity(caller.ctx, campaignEntity(campaign.id), page), 200);
  },
);

/** Every route of the campaigns feature. */
export const campaignRoutes = [
  createCampaignRoute,
  listCampaignsRoute,
  getCampaignRoute,
  updateCampaignRoute,
  openCampaignRoute,
  closeCampaignRoute,
  grantExtensionRoute,
  listExtensionsRoute,
  campaignHistoryRoute,
];
