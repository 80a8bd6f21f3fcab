import type { TenantContext } from '../../auth/tenant-context.ts';
import { type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import type { ItemKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, commit, deleteIfVersion, putNew, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { submissionHeadKeys } from '../submissions/keys.ts';
import { submissionEntity } from '../submissions/repository.ts';
import type { SubmissionHead, SubmissionStatus } from '../submissions/schemas.ts';
import { publicResultKeys, publicResultsOfCampaign, publicResultsOfUnit, returnSnapshotKeys, reviewKeys } from './keys.ts';
import { type PublicResult, PublicResultSchema } from './public-schemas.ts';
import { type ReturnSnapshot, ReturnSnapshotSchema, type ReviewState, ReviewStateSchema } from './schemas.ts';

export type ReviewRepository = ReturnType<typeof reviewRepository>;

/** One step of a submission's life: its new status, what the head records of it, and what else changes with it. */
export interface Step {
  status: SubmissionStatus;
  /** The audit action, `submission.<verb>`. */
  action: string;
  set: Partial<Omit<SubmissionHead, 'status' | 'version'>>;
  /** Other items written in the same transaction (the review, the snapshot, the public result). */
  writes: VersionedWrite[];
  before: Snapshot;
  after: Snapshot;
}

/** Creates an item, or changes it from the version read: the review and the snapshot exist only once needed. */
function upsert(entity: EntityRef, key: ItemKey, type: string, current: { version: number } | null, fields: Record<string, unknown>): VersionedWrite {
  return current === null ? putNew(entity, { ...key, type, ...fields }) : updateIfVersion(entity, key, current.version, fields);
}

async function queryAll(store: Store, ctx: TenantContext, query: { index?: 'gsi1'; partition: string }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page = await queryTenantPartition(store, ctx, { ...query, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** The review items of submissions and the published results (keys in DATA-MODEL.md); every write audited with it. */
export function reviewRepository(store: Store) {
  return {
    async getReview(ctx: TenantContext, campaignId: string, unitId: string): Promise<ReviewState | null> {
      const item = await getTenantItem(store, ctx, reviewKeys(ctx, campaignId, unitId));
      return item === null ? null : ReviewStateSchema.parse(item);
    },

    async getSnapshot(ctx: TenantContext, campaignId: string, unitId: string): Promise<ReturnSnapshot | null> {
      const item = await getTenantItem(store, ctx, returnSnapshotKeys(ctx, campaignId, unitId));
      return item === null ? null : ReturnSnapshotSchema.parse(item);
    },

    /** The version of a unit's published result in a campaign, or null when none is published. */
    async publishedVersion(ctx: TenantContext, campaignId: string, unitId: string): Promise<number | null> {
      const { pk, sk } = publicResultKeys(ctx, campaignId, unitId);
      const item = await getTenantItem(store, ctx, { pk, sk });
      return typeof item?.version === 'number' ? item.version : null;
    },

    /** The write that creates or changes the reviewer's points and comments. */
    reviewWrite(ctx: TenantContext, head: SubmissionHead, current: ReviewState | null, fields: Omit<ReviewState, 'version'>): VersionedWrite {
      return upsert(submissionEntity(head.campaignId, head.unitId), reviewKeys(ctx, head.campaignId, head.unitId), 'submission-review', current, { ...fields });
    },

    /** The write that keeps the content as it is at a return (replacing the one of an earlier return). */
    snapshotWrite(ctx: TenantContext, head: SubmissionHead, current: { version: number } | null, fields: Omit<ReturnSnapshot, 'version'>): VersionedWrite {
      return upsert(submissionEntity(head.campaignId, head.unitId), returnSnapshotKeys(ctx, head.campaignId, head.unitId), 'submission-return-snapshot', current, { ...fields });
    },

    publishWrite(ctx: TenantContext, head: SubmissionHead, result: PublicResult): VersionedWrite {
      return putNew(submissionEntity(head.campaignId, head.unitId), { ...publicResultKeys(ctx, head.campaignId, head.unitId), type: 'public-result', ...result });
    },

    unpublishWrite(ctx: TenantContext, head: SubmissionHead, version: number): VersionedWrite {
      const { pk, sk } = publicResultKeys(ctx, head.campaignId, head.unitId);
      return deleteIfVersion(submissionEntity(head.campaignId, head.unitId), { pk, sk }, version);
    },

    /**
     * Moves a submission one step from the version the client read (its status index entry moves with
     * it), with the step's other writes and its audit event, all in one transaction. The head is written
     * first, so a stale version is reported as the head's.
     */
    async move(ctx: TenantContext, head: SubmissionHead, seen: number, step: Step): Promise<SubmissionHead> {
      const entity = submissionEntity(head.campaignId, head.unitId);
      const next: SubmissionHead = { ...head, ...step.set, status: step.status, version: seen + 1 };
      const keys = submissionHeadKeys(ctx, next);
      const headSet = step.status === head.status ? { ...step.set } : { ...step.set, status: step.status, gsi2pk: keys.gsi2pk };
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, seen, headSet), ...step.writes],
        [auditEvent(ctx, { action: step.action, entity, entityVersion: next.version, before: step.before, after: step.after })],
      );
      return next;
    },

    /** A unit's published results, one per campaign. */
    async publishedOfUnit(ctx: TenantContext, unitId: string): Promise<PublicResult[]> {
      return (await queryAll(store, ctx, { partition: publicResultsOfUnit(ctx, unitId) })).map((item) => PublicResultSchema.parse(item));
    },

    /** A campaign's published results, one per unit. */
    async publishedOfCampaign(ctx: TenantContext, campaignId: string): Promise<PublicResult[]> {
      return (await queryAll(store, ctx, { index: 'gsi1', partition: publicResultsOfCampaign(ctx, campaignId) })).map((item) => PublicResultSchema.parse(item));
    },
  };
}
