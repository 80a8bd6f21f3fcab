import * as z from 'zod';
import { RoleSchema } from '../../auth/roles.ts';

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
