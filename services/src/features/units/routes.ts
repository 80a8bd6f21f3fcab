import type { Context } from 'hono';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { PageQuerySchema } from '../../http/paging.ts';
import { defineRoute } from '../../http/route.ts';
import { listUnitsInScope } from './listing.ts';
import { unitMoveRepository } from './move-repository.ts';
import { type MoveDeps, moveUnit } from './move.ts';
import { unitRepository } from './repository.ts';
import {
  CreateUnitSchema,
  ListUnitsQuerySchema,
  MoveUnitSchema,
  UnitDetailSchema,
  UnitPageSchema,
  UnitParamsSchema,
  UnitVersionSchema,
  UpdateUnitSchema,
} from './schemas.ts';
import { createUnit, deactivateUnit, getUnit, listChildren, reactivateUnit, updateUnit } from './use-cases.ts';

const tags = ['Units'];

const VERSION_NOTE =
  'Gửi kèm `version` đã đọc; nếu đơn vị đã bị sửa sau đó, trả 409 với `currentVersion`. / Send the `version` you read; if the unit ' +
  'changed since, the answer is 409 with `currentVersion`.';

function depsOf(c: Context<AppEnv>): MoveDeps {
  return { units: unitRepository(c.var.deps.store), moves: unitMoveRepository(c.var.deps.store) };
}

export const createUnitRoute = defineRoute(
  {
    method: 'post',
    path: '/units',
    operationId: 'createUnit',
    summary: 'Thêm đơn vị (Phòng, trường) / Create a unit',
    description:
      'Dưới một Sở hoặc Phòng đang hoạt động mà bạn quản lý; mã đơn vị (nếu có) là duy nhất trong Sở. / Under an active office you ' +
      'manage; the code, if given, is unique in the tenant.',
    tags,
    access: accountAccess,
    request: { body: CreateUnitSchema },
    responses: { 201: { description: 'Đã tạo / Created', schema: UnitDetailSchema } },
  },
  async ({ body, caller }, c) => {
    const unit = await createUnit(depsOf(c), caller, body);
    c.header('Location', `/api/units/${unit.id}`);
    return c.json(unit, 201);
  },
);

export const listUnitsRoute = defineRoute(
  {
    method: 'get',
    path: '/units',
    operationId: 'listUnits',
    summary: 'Các đơn vị trong phạm vi của bạn / Units within your scope',
    description:
      'Từng cây con trong phạm vi, theo đường dẫn (đơn vị cấp trên trước đơn vị trực thuộc); tối đa 1000 đơn vị mỗi trang. / Each ' +
      'subtree of your scope in path order (a parent before its children); at most 1000 units a page.',
    tags,
    access: accountAccess,
    request: { query: ListUnitsQuerySchema },
    responses: { 200: { description: 'Một trang / One page', schema: UnitPageSchema } },
  },
  async ({ query, caller }, c) => c.json(await listUnitsInScope(depsOf(c), caller, query), 200),
);

export const getUnitRoute = defineRoute(
  {
    method: 'get',
    path: '/units/:unitId',
    operationId: 'getUnit',
    summary: 'Xem một đơn vị / Read a unit',
    tags,
    access: accountAccess,
    request: { params: UnitParamsSchema },
    responses: { 200: { description: 'Đơn vị và các cấp trên / The unit and its ancestors', schema: UnitDetailSchema } },
  },
  async ({ params, caller }, c) => c.json(await getUnit(depsOf(c), caller, params.unitId), 200),
);

export const listChildrenRoute = defineRoute(
  {
    method: 'get',
    path: '/units/:unitId/children',
    operationId: 'listUnitChildren',
    summary: 'Các đơn vị trực thuộc / Children of a unit',
    tags,
    access: accountAccess,
    request: { params: UnitParamsSchema, query: PageQuerySchema },
    responses: { 200: { description: 'Một trang, theo tên / One page, by name', schema: UnitPageSchema } },
  },
  async ({ params, query, caller }, c) =>
    c.json(await listChildren(depsOf(c), caller, params.unitId, { limit: query.limit, cursor: query.cursor ?? null }), 200),
);

export const updateUnitRoute = defineRoute(
  {
    method: 'patch',
    path: '/units/:unitId',
    operationId: 'updateUnit',
    summary: 'Đổi tên, loại hoặc mã đơn vị / Rename a unit, change its kind or code',
    description: VERSION_NOTE,
    tags,
    access: accountAccess,
    request: { params: UnitParamsSchema, body: UpdateUnitSchema },
    responses: { 200: { description: 'Đơn vị sau khi sửa / The unit after the change', schema: UnitDetailSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await updateUnit(depsOf(c), caller, params.unitId, body), 200),
);

export const moveUnitRoute = defineRoute(
  {
    method: 'post',
    path: '/units/:unitId/move',
    operationId: 'moveUnit',
    summary: 'Chuyển đơn vị (cùng các đơn vị trực thuộc) / Move a unit with its subtree',
    description:
      `${VERSION_NOTE} Nếu việc chuyển bị gián đoạn, đơn vị mang dấu \`moving\`: gửi lại cùng parentId với phiên bản hiện tại để ` +
      'hoàn tất. / If a move is cut short the unit carries `moving`: send the same parentId with the current version to complete it.',
    tags,
    access: accountAccess,
    request: { params: UnitParamsSchema, body: MoveUnitSchema },
    responses: { 200: { description: 'Đơn vị ở vị trí mới / The unit in its new place', schema: UnitDetailSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await moveUnit(depsOf(c), caller, params.unitId, body), 200),
);

function statusRoute(verb: 'deactivate' | 'reactivate', summary: string, run: typeof deactivateUnit) {
  return defineRoute(
    {
      method: 'post',
      path: `/units/:unitId/${verb}`,
      operationId: `${verb}Unit`,
      summary,
      description: VERSION_NOTE,
      tags,
      access: accountAccess,
      request: { params: UnitParamsSchema, body: UnitVersionSchema },
      responses: { 200: { description: 'Đơn vị sau khi đổi / The unit after the change', schema: UnitDetailSchema } },
    },
    async ({ params, body, caller }, c) =>
      c.json(await run(depsOf(c), caller, params.unitId, body.version), 200),
  );
}

export const deactivateUnitRoute = statusRoute(
  'deactivate',
  'Ngừng hoạt động đơn vị (khi không còn đơn vị trực thuộc đang hoạt động) / Deactivate a unit (once no unit beneath is active)',
  deactivateUnit,
);

export const reactivateUnitRoute = statusRoute('reactivate', 'Kích hoạt lại đơn vị / Reactivate a unit', reactivateUnit);

/** Every route of the units feature. */
export const unitRoutes = [createUnitRoute, listUnitsRoute, getUnitRoute, listChildrenRoute, updateUnitRoute, moveUnitRoute, deactivateUnitRoute, reactivateUnitRoute];
