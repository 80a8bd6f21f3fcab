import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { TenantContext } from '../../auth/tenant-context.ts';
import type { AuditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { type ItemKey, isTenantKey } from '../../db/keys.ts';
import { getTenantItem } from '../../db/query.ts';
import { type VersionedWrite, commit } from '../../db/versioned.ts';
import { ConflictError } from '../../errors.ts';
import { accountKeys, loginKeys } from '../accounts/keys.ts';
import { unitKeys } from '../units/keys.ts';
import { unitRepository } from '../units/repository.ts';
import { type StoredUnit, StoredUnitSchema } from '../units/schemas.ts';
import { batchGetTenantItems } from './batch-get.ts';
import { importChunkKeys, importEntity, importKeys } from './keys.ts';
import type { LoginOwner } from './plan.ts';
import { ImportStatusSchema, type PlannedOp, PlannedOpsSchema, ProgressSchema, type RowError, RowErrorsSchema } from './schemas.ts';

/** The header of an import job as stored: the dry run's summary, where its plan is, and the progress of applying it. */
export const JobItemSchema = z.object({
  id: z.string(),
  status: ImportStatusSchema,
  format: z.enum(['csv', 'xlsx']),
  scopeUnitId: z.string(),
  rows: z.int(),
  toCreate: z.int(),
  toUpdate: z.int(),
  unchanged: z.int(),
  accountsToCreate: z.int(),
  accountsUnchanged: z.int(),
  errorCount: z.int(),
  errorsTruncated: z.boolean(),
  ignoredColumns: z.array(z.string()),
  /** What the chunks hold: the plan's rows (a plan without errors) or the listed errors. */
  content: z.enum(['ops', 'errors']),
  /** Index of the first entry of each chunk. */
  chunkStarts: z.array(z.int()),
  progress: ProgressSchema,
  createdBy: z.string().nullable(),
  version: z.int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type JobItem = z.output<typeof JobItemSchema>;
export type NewJob = Omit<JobItem, 'version' | 'content' | 'chunkStarts'>;

// DynamoDB items hold at most 400 KB; a chunk keeps well below, names and keys included.
const CHUNK_BYTES = 300 * 1024;
const PARALLEL_PUTS = 8;

export type ImportRepository = ReturnType<typeof importRepository>;

/**
 * Import jobs in the table (DATA-MODEL.md, "Unit import jobs"), and the reads an import needs in bulk.
 * A job is working data, not a domain entity: writing it is not audited, while every unit and account
 * that applying it creates or changes is, in the same transaction as the job's progress.
 */
export function importRepository(store: Store) {
  return {
    /** Stores a new job: its chunks first, then its header, so a job that is visible is always whole. */
    async create(ctx: TenantContext, job: NewJob, content: { ops: PlannedOp[] } | { errors: RowError[] }): Promise<JobItem> {
      const entries: unknown[] = 'ops' in content ? content.ops : content.errors;
      const { bodies, starts } = chunk(entries);
      for (let i = 0; i < bodies.length; i += PARALLEL_PUTS) {
        await Promise.all(
          bodies.slice(i, i + PARALLEL_PUTS).map((body, j) => putIfAbsent(store, ctx, { ...importChunkKeys(ctx, job.id, i + j), type: 'unit-import-chunk', body })),
        );
      }
      const stored: JobItem = { ...job, content: 'ops' in content ? 'ops' : 'errors', chunkStarts: starts, version: 1 };
      await putIfAbsent(store, ctx, { ...importKeys(ctx, job.id), type: 'unit-import', ...stored });
      return stored;
    },

    async get(ctx: TenantContext, importId: string): Promise<JobItem | null> {
      const item = await getTenantItem(store, ctx, importKeys(ctx, importId));
      return item === null ? null : JobItemSchema.parse(item);
    },

    /** The plan's rows from `from` (inclusive) to `to` (exclusive). */
    async readOps(ctx: TenantContext, job: JobItem, from: number, to: number): Promise<PlannedOp[]> {
      const entries = await readEntries(store, ctx, job, from, to);
      return PlannedOpsSchema.parse(entries);
    },

    /** The errors a dry run listed. */
    async readErrors(ctx: TenantContext, job: JobItem): Promise<RowError[]> {
      if (job.content !== 'errors') return [];
      return RowErrorsSchema.parse(await readEntries(store, ctx, job, 0, Number.MAX_SAFE_INTEGER));
    },

    /** Writes domain changes with their audit events and the job's progress, in one transaction. */
    commitBatch(ctx: TenantContext, writes: VersionedWrite[], events: AuditEvent[]): Promise<void> {
      return commit(store, ctx, writes, events);
    },

    /**
     * Moves the job on when the rows passed change nothing in the tenant (unchanged rows): there is
     * nothing to audit, but the progress must still only follow from the version read.
     */
    async saveProgress(ctx: TenantContext, job: JobItem, set: Pick<JobItem, 'status' | 'progress' | 'updatedAt'>): Promise<number> {
      const key = importKeys(ctx, job.id);
      assertInTenant(ctx, key);
      try {
        await store.db.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: key,
            ConditionExpression: '#version = :expected',
            UpdateExpression: 'SET #status = :status, #progress = :progress, #updatedAt = :updatedAt, #version = :next',
            ExpressionAttributeNames: { '#version': 'version', '#status': 'status', '#progress': 'progress', '#updatedAt': 'updatedAt' },
            ExpressionAttributeValues: { ':expected': job.version, ':next': job.version + 1, ':status': set.status, ':progress': set.progress, ':updatedAt': set.updatedAt },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const current = await getTenantItem(store, ctx, key);
        throw new ConflictError(importEntity(job.id), typeof current?.version === 'number' ? current.version : null, 'stale');
      }
      return job.version + 1;
    },

    /** Every unit of the subtree at `path`, in one paged pass (never a read per row). */
    subtree(ctx: TenantContext, path: string): Promise<StoredUnit[]> {
      return unitRepository(store).listSubtree(ctx, path);
    },

    unit(ctx: TenantContext, unitId: string): Promise<StoredUnit | null> {
      return unitRepository(store).get(ctx, unitId);
    },

    /** The units with these ids that exist now. */
    async units(ctx: TenantContext, unitIds: readonly string[]): Promise<StoredUnit[]> {
      const items = await batchGetTenantItems(store, ctx, unitIds.map((id) => unitKeys(ctx, id)));
      return items.map((item) => StoredUnitSchema.parse(item));
    },

    /** Who holds each of these normalized logins or emails now, with the holder's home unit. */
    async loginOwners(ctx: TenantContext, logins: readonly string[]): Promise<Map<string, LoginOwner>> {
      const loginItems = await batchGetTenantItems(store, ctx, logins.map((login) => loginKeys(ctx, login)));
      const accountOf = new Map<string, string>();
      for (const item of loginItems) {
        const parsed = LoginItemSchema.safeParse(item);
        if (parsed.success) accountOf.set(parsed.data.pk, parsed.data.accountId);
      }
      const accountIds = [...new Set(accountOf.values())];
      const accounts = await batchGetTenantItems(store, ctx, accountIds.map((id) => accountKeys(ctx, id)));
      const homes = new Map(accounts.flatMap((item) => {
        const parsed = AccountHomeSchema.safeParse(item);
        return parsed.success ? [[parsed.data.id, parsed.data.homeUnitId] as const] : [];
      }));
      const owners = new Map<string, LoginOwner>();
      for (const login of logins) {
        const accountId = accountOf.get(loginKeys(ctx, login).pk);
        if (accountId !== undefined) owners.set(login, { accountId, homeUnitId: homes.get(accountId) ?? null });
      }
      return owners;
    },
  };
}

const LoginItemSchema = z.object({ pk: z.string(), accountId: z.string() });
const AccountHomeSchema = z.object({ id: z.string(), homeUnitId: z.string() });
const ChunkItemSchema = z.object({ body: z.string() });

/** Packs entries into JSON arrays of at most CHUNK_BYTES each; `starts` holds each chunk's first entry index. */
function chunk(entries: readonly unknown[]): { bodies: string[]; starts: number[] } {
  const bodies: string[] = [];
  const starts: number[] = [];
  let parts: string[] = [];
  let bytes = 2;
  entries.forEach((entry, index) => {
    const json = JSON.stringify(entry);
    const size = Buffer.byteLength(json) + 1;
    if (parts.length > 0 && bytes + size > CHUNK_BYTES) {
      bodies.push(`[${parts.join(',')}]`);
      parts = [];
      bytes = 2;
    }
    if (parts.length === 0) starts.push(index);
    parts.push(json);
    bytes += size;
  });
  if (parts.length > 0) bodies.push(`[${parts.join(',')}]`);
  return { bodies, starts };
}

async function readEntries(store: Store, ctx: TenantContext, job: JobItem, from: number, to: number): Promise<unknown[]> {
  const wanted = job.chunkStarts.flatMap((start, index) => {
    const end = job.chunkStarts[index + 1] ?? Number.MAX_SAFE_INTEGER;
    return start < to && end > from ? [{ index, start }] : [];
  });
  const chunks = await Promise.all(
    wanted.map(async ({ index, start }) => {
      const item = ChunkItemSchema.parse(await getTenantItem(store, ctx, importChunkKeys(ctx, job.id, index)));
      const entries: unknown = JSON.parse(item.body);
      return { start, entries: z.array(z.unknown()).parse(entries) };
    }),
  );
  return chunks.flatMap(({ start, entries }) => entries.filter((_entry, i) => start + i >= from && start + i < to));
}

async function putIfAbsent(store: Store, ctx: TenantContext, item: ItemKey & Record<string, unknown>): Promise<void> {
  assertInTenant(ctx, item);
  await store.db.send(new PutCommand({ TableName: store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
}

function assertInTenant(ctx: TenantContext, key: ItemKey): void {
  if (!isTenantKey(ctx, key.pk)) throw new TypeError(`Key ${key.pk} is outside tenant ${ctx.tenantId}`);
}
