import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { RoleSchema } from '../../auth/roles.ts';
import { PasswordSchema } from '../../auth/password.ts';
import { PageQuerySchema, pageOf } from '../../http/paging.ts';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { UnitIdSchema } from '../units/schemas.ts';

/** An account's id: random, short, URL-safe (db/ids.ts), never `#`. */
export const AccountIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/).meta({ examples: ['k3v9x2mqa7bd'] });

/**
 * A login name as people type it; stored and compared in lower case. `#` never reaches a key, so no
 * login can forge another item's key.
 */
export const LoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (login) => /^[a-z0-9._@-]{3,64}$/.test(login),
    bilingual('Tên đăng nhập gồm 3–64 ký tự a-z, 0-9 và . _ @ -', 'A login is 3–64 characters of a-z, 0-9 and . _ @ -'),
  )
  .meta({ examples: ['ht.hoasen'] });

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email()).meta({ examples: ['ht.hoasen@example.edu.vn'] });

const PersonName = z.string().trim().normalize('NFC').min(2).max(200);
const Position = z.string().trim().normalize('NFC').min(1).max(200);
const Phone = z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/).meta({ examples: ['0912 345 678'] });

/** The `sub` of a Cognito user (a UUID): links the account to the user pool in AUTH_MODE=cognito. */
export const CognitoSubSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .meta({ description: 'Mã người dùng Cognito (sub) / The Cognito user’s sub', examples: ['5f0c9e2a-1b7d-4c3e-9a8f-2d6b4e1c0a97'] });

/**
 * A person's account in one tenant. Its roles are its grants (role at unit), kept beside it. The
 * password hash never leaves the repository.
 */
export const AccountSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    email: z.string().nullable(),
    name: z.string(),
    position: z.string().nullable(),
    phone: z.string().nullable(),
    homeUnitId: z.string(),
    homePath: z.string(),
    status: z.enum(['active', 'disabled']),
    /** Set on accounts that sign in through Cognito (AUTH_MODE=cognito). */
    cognitoSub: z.string().nullable().optional(),
    version: z.int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Account' });

export type Account = z.output<typeof AccountSchema>;

/** A role held at a unit; it reaches the unit's whole subtree. */
export const GrantSchema = z
  .object({ accountId: z.string(), unitId: z.string(), role: RoleSchema, version: z.int().min(1), createdAt: z.iso.datetime() })
  .meta({ id: 'Grant' });

export type GrantItem = z.output<typeof GrantSchema>;

const LabelSchema = z.object({ vi: z.string(), en: z.string() });

/** A grant as people read it: the role with its label, and the unit it is held at (null once that unit is gone). */
export const GrantViewSchema = z
  .object({
    unitId: z.string(),
    role: RoleSchema,
    roleLabel: LabelSchema,
    unit: z.object({ id: z.string(), name: z.string(), kind: UnitKindSchema, path: z.string() }).nullable(),
  })
  .meta({ id: 'GrantView' });

export type GrantView = z.output<typeof GrantViewSchema>;

/** One account with its grants. */
export const AccountDetailSchema = z.object({ account: AccountSchema, grants: z.array(GrantViewSchema) }).meta({ id: 'AccountDetail' });

export type AccountDetail = z.output<typeof AccountDetailSchema>;

export const GrantInputSchema = z.strictObject({ unitId: UnitIdSchema, role: RoleSchema }).meta({ id: 'GrantInput' });

export type GrantInput = z.output<typeof GrantInputSchema>;

export const CreateAccountSchema = z
  .strictObject({
    homeUnitId: UnitIdSchema,
    login: LoginSchema,
    email: EmailSchema.nullable().optional(),
    name: PersonName.meta({ examples: ['Nguyễn Thị Hoa'] }),
    position: Position.nullable().optional().meta({ examples: ['Hiệu trưởng'] }),
    phone: Phone.nullable().optional(),
    password: PasswordSchema.optional(),
    cognitoSub: CognitoSubSchema.optional(),
    grants: z.array(GrantInputSchema).max(20),
  })
  .meta({ id: 'CreateAccount' });

export type CreateAccount = z.output<typeof CreateAccountSchema>;

/** A change names the version it was made from; `null` clears email, position or phone. */
export const UpdateAccountSchema = z
  .strictObject({
    version: z.int().min(1).meta({ description: 'Phiên bản đã đọc / The version you read' }),
    name: PersonName.optional(),
    email: EmailSchema.nullable().optional(),
    position: Position.nullable().optional(),
    phone: Phone.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine(
    (change) => Object.keys(change).some((field) => field !== 'version'),
    bilingual(
      'Cần ít nhất một trường để sửa: name, email, position, phone hoặc status',
      'Give at least one field to change: name, email, position, phone or status',
    ),
  )
  .meta({ id: 'UpdateAccount' });

export type AccountUpdate = z.output<typeof UpdateAccountSchema>;

/** An admin sets a new password; the account itself also gives its current one. */
export const SetPasswordSchema = z
  .strictObject({ newPassword: PasswordSchema, currentPassword: z.string().min(1).max(200).optional() })
  .meta({ id: 'SetPassword' });

export type SetPassword = z.output<typeof SetPasswordSchema>;

/** The first province admin of a tenant, made by a system admin at the root unit. */
export const CreateFirstAdminSchema = z
  .strictObject({
    login: LoginSchema,
    name: PersonName,
    email: EmailSchema.nullable().optional(),
    password: PasswordSchema.optional(),
    cognitoSub: CognitoSubSchema.optional(),
  })
  .refine(
    (admin) => admin.password !== undefined || admin.cognitoSub !== undefined,
    bilingual('Cần mật khẩu (password), hoặc cognitoSub khi đăng nhập qua Cognito', 'Give a password, or a cognitoSub when signing in through Cognito'),
  )
  .meta({ id: 'CreateFirstAdmin' });

export type CreateFirstAdmin = z.output<typeof CreateFirstAdminSchema>;

export const AccountParamsSchema = z.object({ accountId: AccountIdSchema });

export const GrantParamsSchema = z.object({ accountId: AccountIdSchema, unitId: UnitIdSchema, role: RoleSchema });

export const ListAccountsQuerySchema = PageQuerySchema.extend({
  unitId: UnitIdSchema.optional().meta({ description: 'Chỉ tài khoản trong cây của đơn vị này / Only accounts in this unit’s subtree' }),
});

export const AccountPageSchema = pageOf(AccountSchema, 'AccountPage');
