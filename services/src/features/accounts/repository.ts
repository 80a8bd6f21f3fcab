import type { Role } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type AuditEvent, type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { type Page, getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, commit, deleteIfVersion, putNew, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { guardChecks } from '../units/move-guard.ts';
import { accountIndexKeys, accountKeys, accountPartition, cognitoLinkKeys, cognitoSubKeys, grantKeys, loginKeys } from './keys.ts';
import { type Account, AccountSchema, type GrantItem, GrantSchema } from './schemas.ts';

export type AccountRepository = ReturnType<typeof accountRepository>;

export const accountEntity = (accountId: string): EntityRef => ({ type: 'account', id: accountId });

export const grantEntity = (accountId: string, unitId: string, role: string): EntityRef => ({ type: 'grant', id: `${accountId}.${unitId}.${role}` });

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

/** The fields of an account that may change after its creation. */
export type AccountChanges = Partial<Pick<Account, 'name' | 'email' | 'position' | 'phone' | 'status'>>;

/** An account as the audit log records it: every field, never a secret. */
export function accountSnapshot(account: Account): Snapshot {
  const { cognitoSub, ...fields } = account;
  return { ...fields, cognitoSub: cognitoSub ?? null };
}

/** The login items of an account: its login and its email, normalized, once each. */
function loginsOf(account: Pick<Account, 'login' | 'email'>): string[] {
  return [...new Set([account.login, ...(account.email === null ? [] : [account.email])].map(normalizeLogin))];
}

function loginWrite(ctx: TenantContext, login: string, accountId: string): VersionedWrite {
  // Named by the login, so a clash reads "the login ht.hoasen already exists".
  return putNew({ type: 'login', id: login }, { ...loginKeys(ctx, login), type: 'login', accountId });
}

/** The writes and audit events that create an account with its login items and grants, for one transaction. */
export function accountCreation(ctx: TenantContext, created: NewAccount, at: string): { writes: VersionedWrite[]; events: AuditEvent[] } {
  const { account, passwordHash, grants } = created;
  const entity = accountEntity(account.id);
  const sub = account.cognitoSub ?? null;
  const writes: VersionedWrite[] = [
    putNew(entity, {
      ...accountKeys(ctx, account.id),
      ...accountIndexKeys(ctx, account),
      ...(sub !== null && cognitoLinkKeys(ctx, sub, account.id)),
      type: 'account',
      ...account,
      ...(passwordHash !== null && { passwordHash }),
    }),
  ];
  // Login and email are unique in the tenant: a clash names the login that is taken.
  for (const login of loginsOf(account)) writes.push(loginWrite(ctx, login, account.id));
  if (sub !== null) writes.push(putNew({ type: 'login', id: sub }, { ...cognitoSubKeys(ctx, sub), type: 'cognito-link', accountId: account.id }));
  const events: AuditEvent[] = [auditEvent(ctx, { action: 'account.created', entity, entityVersion: 1, before: null, after: accountSnapshot(account) })];
  for (const grant of grants) {
    const { writes: grantWrites, events: grantEvents } = grantCreation(ctx, account.id, grant, at);
    writes.push(...grantWrites);
    events.push(...grantEvents);
  }
  return { writes, events };
}

function grantCreation(ctx: TenantContext, accountId: string, grant: { unitId: string; role: Role }, at: string) {
  const entity = grantEntity(accountId, grant.unitId, grant.role);
  return {
    writes: [putNew(entity, { ...grantKeys(ctx, accountId, grant.unitId, grant.role), type: 'grant', accountId, ...grant, createdAt: at })],
    events: [auditEvent(ctx, { action: 'grant.created', entity, entityVersion: 1, before: null, after: { accountId, ...grant } })],
  };
}

/** Accounts, their login items and grants in the table (keys in DATA-MODEL.md); every write audited. */
export function accountRepository(store: Store) {
  const getItem = (ctx: TenantContext, accountId: string) => getTenantItem(store, ctx, accountKeys(ctx, accountId));

  return {
    async get(ctx: TenantContext, accountId: string): Promise<Account | null> {
      const item = await getItem(ctx, accountId);
      return item === null ? null : AccountSchema.parse(item);
    },

    /** The account with its password hash (null when it has none): for checking a password, never for an answer. */
    async getWithSecret(ctx: TenantContext, accountId: string): Promise<{ account: Account; passwordHash: string | null } | null> {
      const item = await getItem(ctx, accountId);
      if (item === null) return null;
      return { account: AccountSchema.parse(item), passwordHash: typeof item.passwordHash === 'string' ? item.passwordHash : null };
    },

    /** The account id behind a login name or email (already normalized), or null. */
    async findIdByLogin(ctx: TenantContext, normalizedLogin: string): Promise<string | null> {
      // A typed login holding `#` can name no account (logins never do) and must not reach a key.
      if (normalizedLogin === '' || normalizedLogin.includes('#')) return null;
      const item = await getTenantItem(store, ctx, loginKeys(ctx, normalizedLogin));
      return typeof item?.accountId === 'string' ? item.accountId : null;
    },

    /** The account with all its grants: one consistent Query of its partition (#10). */
    async getWithGrants(ctx: TenantContext, accountId: string): Promise<{ account: Account; grants: GrantItem[] } | null> {
      const items: Record<string, unknown>[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, { partition: accountPartition(ctx, accountId), limit: 100, cursor, consistent: true });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      const account = items.find((item) => item.sk === 'ACCOUNT');
      if (account === undefined) return null;
      const grants = items.filter((item) => String(item.sk).startsWith('GRANT#')).map((item) => GrantSchema.parse(item));
      return { account: AccountSchema.parse(account), grants };
    },

    /** One page of the accounts whose home unit lies in the subtree at `path` (#12), in path order. */
    async listInSubtree(ctx: TenantContext, path: string, page: { limit: number; cursor: string | null }): Promise<Page<Account>> {
      const result = await queryTenantPartition(store, ctx, {
        index: 'gsi1',
        partition: tenantKey(ctx, 'ACCOUNTS'),
        sortBeginsWith: `PATH#${path}`,
        ...page,
      });
      return { items: result.items.map((item) => AccountSchema.parse(item)), nextCursor: result.nextCursor };
    },

    /**
     * Creates an account with its logins and grants in one transaction (audited); a taken login is a 409
     * naming it. `guards`: units whose versions it is conditioned on (its home's lineage: a move marked
     * there meanwhile makes it fail rather than leave a home path the move will not rewrite).
     */
    async insert(ctx: TenantContext, created: NewAccount, guards: readonly { id: string; version: number }[] = []): Promise<Account> {
      const { writes, events } = accountCreation(ctx, created, created.account.createdAt);
      await commit(store, ctx, [...writes, ...guardChecks(ctx, guards)], events);
      return created.account;
    },

    /**
     * Applies `changes` if the account is still at `current.version` (audited `account.updated`, changed
     * fields before → after). A new email takes its login item in the same transaction (409 if taken),
     * and the old one is released.
     */
    async update(ctx: TenantContext, current: Account, changes: AccountChanges, at: string): Promise<Account> {
      const next: Account = { ...current, ...changes, version: current.version + 1, updatedAt: at };
      const before: Snapshot = {};
      const after: Snapshot = {};
      for (const field of ['name', 'email', 'position', 'phone', 'status'] as const) {
        const value = changes[field];
        if (value === undefined) continue;
        before[field] = current[field];
        after[field] = value;
      }
      const entity = accountEntity(current.id);
      const writes: VersionedWrite[] = [updateIfVersion(entity, accountKeys(ctx, current.id), current.version, { ...after, updatedAt: at })];
      const [had, has] = [new Set(loginsOf(current)), new Set(loginsOf(next))];
      for (const login of had) {
        if (!has.has(login)) writes.push(deleteIfVersion({ type: 'login', id: login }, loginKeys(ctx, login), 1));
      }
      for (const login of has) if (!had.has(login)) writes.push(loginWrite(ctx, login, current.id));
      await commit(store, ctx, writes, [auditEvent(ctx, { action: 'account.updated', entity, entityVersion: next.version, before, after })]);
      return next;
    },

    /** Stores a new password hash (audited `account.password-set`, which records who set it, never the hash). */
    async setPassword(ctx: TenantContext, current: Account, passwordHash: string, by: 'self' | 'admin', at: string): Promise<Account> {
      const entity = accountEntity(current.id);
      const next: Account = { ...current, version: current.version + 1, updatedAt: at };
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, accountKeys(ctx, current.id), current.version, { passwordHash, passwordSetAt: at, updatedAt: at })],
        [auditEvent(ctx, { action: 'account.password-set', entity, entityVersion: next.version, before: null, after: { by, at } })],
      );
      return next;
    },

    /** Adds a grant (audited `grant.created`); the same role at the same unit twice is a 409. */
    async addGrant(ctx: TenantContext, accountId: string, grant: { unitId: string; role: Role }, at: string): Promise<GrantItem> {
      const { writes, events } = grantCreation(ctx, accountId, grant, at);
      await commit(store, ctx, writes, events);
      return { accountId, ...grant, version: 1, createdAt: at };
    },

    /** Removes a grant at the version read (audited `grant.revoked`); the next request of the account no longer has it. */
    async removeGrant(ctx: TenantContext, grant: GrantItem): Promise<void> {
      const entity = grantEntity(grant.accountId, grant.unitId, grant.role);
      const { pk, sk } = grantKeys(ctx, grant.accountId, grant.unitId, grant.role);
      await commit(
        store,
        ctx,
        [deleteIfVersion(entity, { pk, sk }, grant.version)],
        [
          auditEvent(ctx, {
            action: 'grant.revoked',
            entity,
            entityVersion: grant.version + 1,
            before: { accountId: grant.accountId, unitId: grant.unitId, role: grant.role },
            after: null,
          }),
        ],
      );
    },
  };
}
