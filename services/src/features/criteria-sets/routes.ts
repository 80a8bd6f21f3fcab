import type { Context } from 'hono';
import * as z from 'zod';
import type { EntityRef } from '../../errors.ts';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { authorizeCriteria, authorizeCriteriaChange } from './access.ts';
import { criteriaSetRepository } from './repository.ts';
import {
  BuiltInSetDetailSchema,
  CriteriaCatalogueSchema,
  CriteriaDiffSchema,
  CriteriaVersionDetailSchema,
  CriteriaVersionListSchema,
  ScoreResultSchema,
} from './responses.ts';
import { CreateDraftSchema, CriteriaVersionSchema, ScoreSampleSchema, SetKeySchema, TransitionSchema, UpdateDraftSchema, VersionStatusSchema } from './schemas.ts';
import {
  type CriteriaDeps,
  type VersionRef,
  createDraft,
  diffVersions,
  getBuiltInSet,
  getVersion,
  listCatalogue,
  listVersionsByStatus,
  publishVersion,
  retireVersion,
  scoreSample,
  updateDraft,
} from './use-cases.ts';

const tags = ['Criteria sets'];
const depsOf = (c: Context<AppEnv>): CriteriaDeps => ({ sets: criteriaSetRepository(c.var.deps.store) });
const ANY_SET: EntityRef = { type: 'criteria-set', id: '*' };
const versionEntity = (setKey: string, number: number): EntityRef => ({ type: 'criteria-version', id: `${setKey}@${number}` });
const conflict = (description: string) => ({ description, schema: ErrorResponseSchema });

const VersionParamsSchema = z.object({
  setKey: SetKeySchema,
  number: z.coerce.number().int().min(1).max(9999).meta({ description: 'Số thứ tự phiên bản trong bộ (1, 2, …) / Version number in the set' }),
});

const REF = /^(?:builtin:(?<builtIn>[a-z0-9][a-z0-9-]{0,63})|(?<setKey>[a-z0-9][a-z0-9-]{0,63})@(?<number>[1-9][0-9]{0,3}))$/;

function parseRef(text: string): VersionRef | null {
  const groups = REF.exec(text)?.groups;
  if (groups?.builtIn !== undefined) return { builtIn: groups.builtIn };
  if (groups?.setKey !== undefined && groups.number !== undefined) return { setKey: groups.setKey, number: Number(groups.number) };
  return null;
}

/** `hp-4725@2` (a version of the tenant) or `builtin:4725` (a national set). */
const VersionRefSchema = z
  .string()
  .meta({ description: '<mã bộ>@<số> hoặc builtin:<mã> / <setKey>@<number> or builtin:<key>', examples: ['builtin:4725', 'hp-4725@2'] })
  .refine(
    (text) => parseRef(text) !== null,
    bilingual(
      'Ghi phiên bản dạng <mã bộ>@<số> (ví dụ hp-4725@2) hoặc builtin:<mã> (ví dụ builtin:4725)',
      'Write a version as <setKey>@<number> (e.g. hp-4725@2) or builtin:<key> (e.g. builtin:4725)',
    ),
  )
  .transform((text) => parseRef(text) ?? { builtIn: text });

export const listCriteriaSetsRoute = defineRoute(
  {
    method: 'get',
    path: '/criteria-sets',
    operationId: 'listCriteriaSets',
    summary: 'Danh mục bộ chỉ số / Criteria-set catalogue',
    description:
      'Các bộ chỉ số của Sở với mọi phiên bản, và các bộ quốc gia có sẵn để sao chép. / The tenant’s sets with all their versions, ' +
      'and the national sets every tenant may clone.',
    tags,
    access: accountAccess,
    request: {},
    responses: { 200: { description: 'Danh mục / The catalogue', schema: CriteriaCatalogueSchema } },
  },
  async ({ caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', ANY_SET);
    return c.json(await listCatalogue(depsOf(c), caller.ctx), 200);
  },
);

export const getBuiltInSetRoute = defineRoute(
  {
    method: 'get',
    path: '/criteria-sets/built-in/:setKey',
    operationId: 'getBuiltInCriteriaSet',
    summary: 'Xem bộ chỉ số quốc gia / Read a national criteria set',
    tags,
    access: accountAccess,
    request: { params: z.object({ setKey: SetKeySchema }) },
    responses: { 200: { description: 'Bộ chỉ số và định nghĩa / The set and its definition', schema: BuiltInSetDetailSchema } },
  },
  ({ params, caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', { type: 'criteria-set', id: params.setKey });
    return c.json(getBuiltInSet(params.setKey), 200);
  },
);

export const listCriteriaVersionsRoute = defineRoute(
  {
    method: 'get',
    path: '/criteria-versions',
    operationId: 'listCriteriaVersions',
    summary: 'Phiên bản theo trạng thái / Versions by status',
    description:
      'Mặc định: các phiên bản đã ban hành, tức những gì một kỳ đánh giá được chọn; có ngay khi vừa ban hành. / By default the ' +
      'published versions, what a campaign may choose; a version is listed as soon as it is published.',
    tags,
    access: accountAccess,
    request: { query: z.object({ status: VersionStatusSchema.default('published') }) },
    responses: { 200: { description: 'Các phiên bản, theo bộ rồi theo số / The versions, by set then number', schema: CriteriaVersionListSchema } },
  },
  async ({ query, caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', ANY_SET);
    return c.json({ items: await listVersionsByStatus(depsOf(c), caller.ctx, query.status) }, 200);
  },
);

export const getCriteriaVersionRoute = defineRoute(
  {
    method: 'get',
    path: '/criteria-sets/:setKey/versions/:number',
    operationId: 'getCriteriaVersion',
    summary: 'Xem một phiên bản / Read a version',
    description: 'Thông tin, định nghĩa và các vấn đề bộ kiểm tra tìm thấy. / Metadata, definition and what the linter finds.',
    tags,
    access: accountAccess,
    request: { params: VersionParamsSchema },
    responses: { 200: { description: 'Phiên bản / The version', schema: CriteriaVersionDetailSchema } },
  },
  async ({ params, caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', versionEntity(params.setKey, params.number));
    return c.json(await getVersion(depsOf(c), caller.ctx, params.setKey, params.number), 200);
  },
);

export const createDraftRoute = defineRoute(
  {
    method: 'post',
    path: '/criteria-sets/drafts',
    operationId: 'createCriteriaDraft',
    summary: 'Tạo bản nháp / Start a draft',
    description:
      'Trống (`blank`), sao chép một phiên bản của Sở hoặc bộ quốc gia (`clone`), hoặc nhập JSON (`import`). Bản nháp là phiên ' +
      'bản tiếp theo của bộ. / Blank, cloned from a version or a national set, or imported JSON; it becomes the next version of its set.',
    tags,
    access: accountAccess,
    request: { body: CreateDraftSchema },
    responses: { 201: { description: 'Bản nháp, kèm các vấn đề / The draft, with its problems', schema: CriteriaVersionDetailSchema } },
  },
  async ({ body, caller }, c) => {
    const source = body.from === 'clone' && 'setKey' in body.source ? body.source : null;
    const deps = depsOf(c);
    await authorizeCriteriaChange(caller, deps.sets, source, source === null ? ANY_SET : versionEntity(source.setKey, source.number));
    const detail = await createDraft(deps, caller.ctx, body);
    c.header('Location', `/api/criteria-sets/${detail.version.setKey}/versions/${detail.version.number}`);
    return c.json(detail, 201);
  },
);

export const updateDraftRoute = defineRoute(
  {
    method: 'put',
    path: '/criteria-sets/:setKey/versions/:number',
    operationId: 'updateCriteriaDraft',
    summary: 'Sửa bản nháp / Edit a draft',
    description:
      'Gửi cả định nghĩa mới và `version` đã đọc. Sai cấu trúc: 400 liệt kê mọi lỗi kèm đường dẫn. Đúng cấu trúc: lưu, trả về ' +
      'các vấn đề bộ kiểm tra tìm thấy. / Send the whole definition and the `version` you read. A wrong shape is a 400 listing ' +
      'every problem with its path; otherwise the draft is saved and the linter’s problems come back with it.',
    tags,
    access: accountAccess,
    request: { params: VersionParamsSchema, body: UpdateDraftSchema },
    responses: {
      200: { description: 'Bản nháp đã lưu, kèm các vấn đề / The saved draft, with its problems', schema: CriteriaVersionDetailSchema },
      409: conflict('Đã có người sửa (`currentVersion`), hoặc phiên bản không còn là bản nháp / Changed since (`currentVersion`), or no longer a draft'),
    },
  },
  async ({ params, body, caller }, c) => {
    const deps = depsOf(c);
    await authorizeCriteriaChange(caller, deps.sets, params, versionEntity(params.setKey, params.number));
    return c.json(await updateDraft(deps, caller.ctx, params.setKey, params.number, body), 200);
  },
);

export const publishVersionRoute = defineRoute(
  {
    method: 'post',
    path: '/criteria-sets/:setKey/versions/:number/publish',
    operationId: 'publishCriteriaVersion',
    summary: 'Ban hành phiên bản / Publish a version',
    description:
      'Chỉ bản nháp không còn lỗi; từ đó không thay đổi nữa và các kỳ đánh giá chọn được ngay. / Only a draft without errors; it ' +
      'never changes afterwards, and campaigns can choose it at once.',
    tags,
    access: accountAccess,
    request: { params: VersionParamsSchema, body: TransitionSchema },
    responses: {
      200: { description: 'Phiên bản đã ban hành / The published version', schema: CriteriaVersionSchema },
      409: conflict('Còn lỗi (`not-publishable`, liệt kê từng lỗi), không phải bản nháp, hoặc đã có người sửa / Errors left, not a draft, or changed since'),
    },
  },
  async ({ params, body, caller }, c) => {
    const deps = depsOf(c);
    await authorizeCriteriaChange(caller, deps.sets, params, versionEntity(params.setKey, params.number));
    return c.json(await publishVersion(deps, caller.ctx, params.setKey, params.number, body.version), 200);
  },
);

export const retireVersionRoute = defineRoute(
  {
    method: 'post',
    path: '/criteria-sets/:setKey/versions/:number/retire',
    operationId: 'retireCriteriaVersion',
    summary: 'Ngừng áp dụng phiên bản / Retire a version',
    description:
      'Kỳ đánh giá mới không chọn được nữa; hồ sơ đã dùng vẫn giữ nó. / New campaigns can no longer choose it; submissions keep it.',
    tags,
    access: accountAccess,
    request: { params: VersionParamsSchema, body: TransitionSchema },
    responses: {
      200: { description: 'Phiên bản đã ngừng áp dụng / The retired version', schema: CriteriaVersionSchema },
      409: conflict('Chưa ban hành, hoặc đã có người sửa / Not published, or changed since'),
    },
  },
  async ({ params, body, caller }, c) => {
    const deps = depsOf(c);
    await authorizeCriteriaChange(caller, deps.sets, params, versionEntity(params.setKey, params.number));
    return c.json(await retireVersion(deps, caller.ctx, params.setKey, params.number, body.version), 200);
  },
);

export const diffVersionsRoute = defineRoute(
  {
    method: 'get',
    path: '/criteria-diff',
    operationId: 'diffCriteriaVersions',
    summary: 'So sánh hai phiên bản / Compare two versions',
    description: 'Những gì đổi từ `a` sang `b`. / What changed from `a` to `b`.',
    tags,
    access: accountAccess,
    request: { query: z.object({ a: VersionRefSchema, b: VersionRefSchema }) },
    responses: { 200: { description: 'Các thay đổi / The changes', schema: CriteriaDiffSchema } },
  },
  async ({ query, caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', ANY_SET);
    return c.json(await diffVersions(depsOf(c), caller.ctx, query.a, query.b), 200);
  },
);

export const scoreSampleRoute = defineRoute(
  {
    method: 'post',
    path: '/criteria-sets/:setKey/versions/:number/score',
    operationId: 'scoreCriteriaSample',
    summary: 'Chấm thử câu trả lời mẫu / Score sample answers',
    description: 'Cho khung chấm thử của trình soạn: không lưu gì. / For the builder’s test panel: nothing is saved.',
    tags,
    access: accountAccess,
    request: { params: VersionParamsSchema, body: ScoreSampleSchema },
    responses: { 200: { description: 'Điểm và mức / Points and levels', schema: ScoreResultSchema } },
  },
  async ({ params, body, caller }, c) => {
    authorizeCriteria(caller, 'criteria.read', versionEntity(params.setKey, params.number));
    return c.json(await scoreSample(depsOf(c), caller.ctx, params.setKey, params.number, body), 200);
  },
);

/** Every route of the criteria-sets feature. */
export const criteriaSetRoutes = [
  listCriteriaSetsRoute,
  getBuiltInSetRoute,
  listCriteriaVersionsRoute,
  createDraftRoute,
  getCriteriaVersionRoute,
  updateDraftRoute,
  publishVersionRoute,
  retireVersionRoute,
  diffVersionsRoute,
  scoreSampleRoute,
];
