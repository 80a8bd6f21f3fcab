import type { Context } from 'hono';
import { TenantContext } from '../../auth/tenant-context.ts';
import { accountAccess, systemAdminAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { defineRoute } from '../../http/route.ts';
import { tenantRepository } from '../tenants/repository.ts';
import { TenantParamsSchema } from '../tenants/schemas.ts';
import { unitRepository } from '../units/repository.ts';
import { accountRepository } from './repository.ts';
import {
  AccountDetailSchema,
  AccountPageSchema,
  AccountParamsSchema,
  CreateAccountSchema,
  CreateFirstAdminSchema,
  GrantInputSchema,
  GrantParamsSchema,
  GrantViewSchema,
  ListAccountsQuerySchema,
  SetPasswordSchema,
  UpdateAccountSchema,
} from './schemas.ts';
import { type AccountDeps, addGrant, createAccount, createFirstAdmin, getAccount, listAccounts, revokeGrant, setPassword, updateAccount } from './use-cases.ts';

const tags = ['Accounts'];

function deps(c: Context<AppEnv>): AccountDeps {
  const { store } = c.var.deps;
  return { store, accounts: accountRepository(store), units: unitRepository(store) };
}

export const createAccountRoute = defineRoute(
  {
    method: 'post',
    path: '/accounts',
    operationId: 'createAccount',
    summary: 'Tạo tài khoản / Create an account',
    description:
      'Cần quyền quản lý tài khoản tại đơn vị gốc và tại mọi đơn vị được trao vai trò; vai trò phải hợp với loại đơn vị. / Needs ' +
      'account management at the home unit and at every granted unit; each role must fit its unit’s kind.',
    tags,
    access: accountAccess,
    request: { body: CreateAccountSchema },
    responses: { 201: { description: 'Đã tạo / Created', schema: AccountDetailSchema } },
  },
  async ({ body, caller }, c) => {
    const detail = await createAccount(deps(c), caller, body);
    c.header('Location', `/api/accounts/${detail.account.id}`);
    return c.json(detail, 201);
  },
);

export const listAccountsRoute = defineRoute(
  {
    method: 'get',
    path: '/accounts',
    operationId: 'listAccounts',
    summary: 'Danh sách tài khoản / List accounts',
    description: 'Các tài khoản trong phạm vi của bạn, theo đơn vị gốc. / The accounts in your reach, by home unit.',
    tags,
    access: accountAccess,
    request: { query: ListAccountsQuerySchema },
    responses: { 200: { description: 'Một trang / One page', schema: AccountPageSchema } },
  },
  async ({ query, caller }, c) =>
    c.json(await listAccounts(deps(c), caller, { unitId: query.unitId, limit: query.limit, cursor: query.cursor ?? null }), 200),
);

export const getAccountRoute = defineRoute(
  {
    method: 'get',
    path: '/accounts/:accountId',
    operationId: 'getAccount',
    summary: 'Xem tài khoản và vai trò / Read an account with its grants',
    tags,
    access: accountAccess,
    request: { params: AccountParamsSchema },
    responses: { 200: { description: 'Tài khoản / The account', schema: AccountDetailSchema } },
  },
  async ({ params, caller }, c) => c.json(await getAccount(deps(c), caller, params.accountId), 200),
);

export const updateAccountRoute = defineRoute(
  {
    method: 'patch',
    path: '/accounts/:accountId',
    operationId: 'updateAccount',
    summary: 'Sửa, khóa hoặc mở khóa tài khoản / Edit, disable or enable an account',
    description:
      'Gửi kèm `version` đã đọc (409 nếu cũ). Tài khoản bị khóa mất hiệu lực ngay ở yêu cầu kế tiếp. / Send the `version` you ' +
      'read (409 when stale). A disabled account stops working at its next request.',
    tags,
    access: accountAccess,
    request: { params: AccountParamsSchema, body: UpdateAccountSchema },
    responses: { 200: { description: 'Tài khoản sau khi sửa / The account after the change', schema: AccountDetailSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await updateAccount(deps(c), caller, params.accountId, body), 200),
);

export const setPasswordRoute = defineRoute(
  {
    method: 'post',
    path: '/accounts/:accountId/password',
    operationId: 'setAccountPassword',
    summary: 'Đặt mật khẩu / Set a password',
    description:
      'Quản trị đặt lại mật khẩu; chính chủ đổi mật khẩu phải gửi kèm mật khẩu hiện tại. / An admin resets it; the account ' +
      'itself gives its current password.',
    tags,
    access: accountAccess,
    request: { params: AccountParamsSchema, body: SetPasswordSchema },
    responses: { 204: { description: 'Đã đặt / Set' } },
  },
  async ({ params, body, caller }, c) => {
    await setPassword(deps(c), caller, params.accountId, body);
    return c.body(null, 204);
  },
);

export const addGrantRoute = defineRoute(
  {
    method: 'post',
    path: '/accounts/:accountId/grants',
    operationId: 'addGrant',
    summary: 'Trao vai trò tại một đơn vị / Grant a role at a unit',
    tags,
    access: accountAccess,
    request: { params: AccountParamsSchema, body: GrantInputSchema },
    responses: { 201: { description: 'Vai trò đã trao / The grant', schema: GrantViewSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await addGrant(deps(c), caller, params.accountId, body), 201),
);

export const revokeGrantRoute = defineRoute(
  {
    method: 'delete',
    path: '/accounts/:accountId/grants/:unitId/:role',
    operationId: 'revokeGrant',
    summary: 'Thu hồi vai trò / Revoke a grant',
    description: 'Có hiệu lực từ yêu cầu kế tiếp của tài khoản. / Takes effect at the account’s next request.',
    tags,
    access: accountAccess,
    request: { params: GrantParamsSchema },
    responses: { 204: { description: 'Đã thu hồi / Revoked' } },
  },
  async ({ params, caller }, c) => {
    await revokeGrant(deps(c), caller, params.accountId, { unitId: params.unitId, role: params.role });
    return c.body(null, 204);
  },
);

export const createFirstAdminRoute = defineRoute(
  {
    method: 'post',
    path: '/tenants/:tenantId/admins',
    operationId: 'createFirstAdmin',
    summary: 'Tạo quản trị Sở đầu tiên / Create a tenant’s first province admin',
    description:
      'Vai trò province-admin tại đơn vị gốc (chính Sở). / The province-admin role at the root unit (the Sở itself).',
    tags,
    access: systemAdminAccess,
    request: { params: TenantParamsSchema, body: CreateFirstAdminSchema },
    responses: { 201: { description: 'Đã tạo / Created', schema: AccountDetailSchema } },
  },
  async ({ params, body, admin }, c) => {
    const ctx = TenantContext.forSystemAdmin(admin, params.tenantId);
    const detail = await createFirstAdmin({ ...deps(c), tenants: tenantRepository(c.var.deps.store) }, ctx, body);
    return c.json(detail, 201);
  },
);

/** Every route of the accounts feature. */
export const accountRoutes = [
  createAccountRoute,
  listAccountsRoute,
  getAccountRoute,
  updateAccountRoute,
  setPasswordRoute,
  addGrantRoute,
  revokeGrantRoute,
  createFirstAdminRoute,
];
