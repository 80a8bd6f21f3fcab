import * as z from 'zod';
import { RoleSchema } from '../../auth/roles.ts';
import { TenantIdSchema } from '../../auth/tenant-id.ts';
import { AccountSchema, GrantViewSchema } from '../accounts/schemas.ts';

/** A password sign-in: the province (from the subdomain or a picker), a login name or an email, the password. */
export const SignInSchema = z
  .strictObject({
    tenant: TenantIdSchema,
    login: z.string().min(1).max(254).meta({ description: 'Tên đăng nhập hoặc email / Login name or email', examples: ['ht.hoasen'] }),
    password: z.string().min(1).max(200).meta({ format: 'password' }),
  })
  .meta({ id: 'SignIn' });

export type SignIn = z.output<typeof SignInSchema>;

const RoleLabelSchema = z.object({ role: RoleSchema, label: z.object({ vi: z.string(), en: z.string() }) });

/** A signed-in session: the access token, when it expires, and whom it is for. */
export const SessionSchema = z
  .object({
    token: z.string().meta({ description: 'Gửi trong Authorization: Bearer … / Send as Authorization: Bearer …' }),
    expiresAt: z.iso.datetime(),
    account: AccountSchema,
    grants: z.array(GrantViewSchema),
  })
  .meta({ id: 'Session' });

export type Session = z.output<typeof SessionSchema>;

/** The caller's own account, its grants with their units (what the app offers as "act for which unit"), and its roles' labels. */
export const MeSchema = z
  .object({ account: AccountSchema, grants: z.array(GrantViewSchema), roles: z.array(RoleLabelSchema) })
  .meta({ id: 'Me' });

export type Me = z.output<typeof MeSchema>;
