import type { Role } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type AuditEvent, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { getTenantItem } from '../../db/query.ts';
import { type VersionedWrite, commit, putNew } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { accountKeys, grantKeys, loginKeys } from './keys.ts';
import { type Account, AccountSchema } from './schemas.ts';

export type AccountRepository = ReturnType<typeof accountRepository>;

export const accountEntity = (accountId: string): EntityRef => ({ type: 'account', id: accountId });

/**
 * A login name or email as it is looked up: trimmed, Unicode NFC, lower case. `#` never reaches a key
 * (the schemas refuse it), so one person's login cannot forge another key.
 * @example normalizeLogin(' Hieu.Truong@Example.EDU.vn ') // 'hieu.truong@example.edu.vn'
 */
export function normalizeLogin(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

/** What an account is created with: the account, its secret (a password hash, or none), and its grants. */
export interface NewAccount {
  account: Account;
  passwordHash: string | null;
  grants: { unitId: string; role: Role }[];
}

/** The writes and audit events that create an account with its login items and grants, for one transaction. */
export function accountCreation(ctx: TenantContext, created: NewAccount, at: string): { writes: VersionedWrite[]; events: AuditEvent[] } {
  const { account, passwordHash, grants } = created;
  const entity = accountEntity(account.id);
  const writes: VersionedWrite[] = [
    putNew(entity, {
      ...accountKeys(ctx, account.id),
      gsi1pk: tenantKey(ctx, 'ACCOUNTS'),
      gsi1sk: `PATH#${account.homePath}ACCOUNT#${account.id}`,
      type: 'account',
      ...account,
      ...(passwordHash !== null && { passwordHash }),
    }),
  ];
  // Login and email are unique in the tenant: a clash names the login that is taken.
  for (const login of new Set([account.login, ...(account.email === null ? [] : [account.email])].map(normalizeLogin))) {
    writes.push(putNew({ type: 'login', id: login }, { ...loginKeys(ctx, login), type: 'login', accountId: account.id }));
  }
  const events: AuditEvent[] = [auditEvent(ctx, { action: 'account.created', entity, entityVersion: 1, before: null, after: { ...account } })];
  for (const grant of grants) {
    const grantEntity: EntityRef = { type: 'grant', id: `${account.id}.${grant.unitId}.${grant.role}` };
    writes.push(putNew(grantEntity, { ...grantKeys(ctx, account.id, grant.unitId, grant.role), type: 'grant', accountId: account.id, ...grant, createdAt: at }));
    events.push(auditEvent(ctx, { action: 'grant.created', entity: grantEntity, entityVersion: 1, before: null, after: { accountId: account.id, ...grant } }));
  }
  return { writes, events };
}

/** Accounts, their login items and grants in the table (keys in DATA-MODEL.md). */
export function accountRepository(store: Store) {
  return {
    async get(ctx: TenantContext, accountId: string): Promise<Account | null> {
      const item = await getTenantItem(store, ctx, accountKeys(ctx, accountId));
      return item === null ? null : AccountSchema.parse(item);
    },

    /** Creates an account with its logins and grants in one transaction (audited); a taken login is a 409 naming it. */
    async insert(ctx: TenantContext, created: NewAccount): Promise<Account> {
      const { writes, events } = accountCreation(ctx, created, created.account.createdAt);
      await commit(store, ctx, writes, events);
      return created.account;
    },
  };
}
